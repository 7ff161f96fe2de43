/** Silences (with an end and a reason) and acknowledgements of a firing episode: what an operator does on call. */
import { NotFoundError } from '../core/errors';
import type { ChangeContext, ClusterContext } from '../context';
import type { AlertSilence } from '../store';

export async function listSilences(ctx: ClusterContext): Promise<{ silences: AlertSilence[] }> {
  return { silences: await (await ctx.store()).alerts.silences(ctx.name, Date.now()) };
}

export async function addSilence(ctx: ChangeContext, input: { ruleId?: string; subjectPattern?: string; durationMs: number; reason: string }): Promise<AlertSilence> {
  const store = await ctx.store();
  if (input.ruleId !== undefined && !(await store.alerts.rule(ctx.name, input.ruleId))) throw new NotFoundError(`no alert rule ${input.ruleId} on cluster ${ctx.name}`, 'ruleId');
  const now = Date.now();
  return store.alerts.addSilence({
    cluster: ctx.name,
    ...(input.ruleId !== undefined ? { ruleId: input.ruleId } : {}),
    ...(input.subjectPattern !== undefined ? { subjectPattern: input.subjectPattern } : {}),
    endsAt: now + input.durationMs,
    reason: input.reason,
    createdBy: ctx.actor.user,
    createdAt: now,
  });
}

export async function endSilence(ctx: ChangeContext, input: { silenceId: number }): Promise<{ ended: number }> {
  const ended = await (await ctx.store()).alerts.endSilence(ctx.name, input.silenceId, ctx.actor.user, Date.now());
  if (!ended) throw new NotFoundError(`no running silence ${input.silenceId} on cluster ${ctx.name}`, 'silenceId');
  return { ended: input.silenceId };
}

/** Acknowledges the pair's current episode (pending or firing); a later episode needs its own acknowledgement. */
export async function acknowledge(ctx: ChangeContext, input: { ruleId: string; subject: string; comment?: string }): Promise<{ ruleId: string; subject: string; activeAt: number }> {
  const store = await ctx.store();
  const state = (await store.alerts.states(ctx.name)).find((s) => s.ruleId === input.ruleId && s.subject === input.subject && s.phase !== 'resolved');
  if (!state) throw new NotFoundError(`rule ${input.ruleId} has no pending or firing alert for ${input.subject}`, 'subject');
  await store.alerts.ack({ cluster: ctx.name, ruleId: input.ruleId, subject: input.subject, activeAt: state.activeAt, ackedBy: ctx.actor.user, ackedAt: Date.now(), ...(input.comment ? { comment: input.comment } : {}) });
  return { ruleId: input.ruleId, subject: input.subject, activeAt: state.activeAt };
}
