import { setTimeout as sleep } from 'node:timers/promises';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import type { ChangeContext, ClusterContext } from '../context';
import type { AuditRecord } from '../store';
import { beginChangeAudit, withChangeLock, type HeldChangeLock } from './guard';
import type { AnyChangeKind, ChangeKinds } from './registry';
import type { ApplyObserver, ChangeLine, ChangePlan, ChangeResult, ChangeStatus, StepOutcome } from './types';

/** Plans a change from the live cluster and keeps the plan for apply (15 minutes). Changes nothing. */
export async function previewChange(ctx: ClusterContext, kind: AnyChangeKind, input: unknown, options: { undoOf?: number } = {}): Promise<ChangePlan> {
  const request = kind.parse(input);
  const body = await kind.plan(ctx, request);
  const { secrets: _secrets, ...shown } = ctx.previews.change.save({ ...body, action: kind.action, ...(options.undoOf !== undefined ? { undoOf: options.undoOf } : {}) });
  return shown;
}

/**
 * Applies a kept plan: the confirmation, then the target's lock in the store (one change per target across console
 * processes), then a check that the cluster still matches the plan's before-image (409 with the difference and a
 * fresh plan if not), then the audit entry, and only then the first call to a broker; the outcome per step is
 * recorded after.
 */
export async function applyChange(ctx: ChangeContext, kinds: ChangeKinds, input: { previewId: string; confirm: unknown }, observer?: ApplyObserver): Promise<ChangeResult> {
  const plan = ctx.previews.change.get(input.previewId);
  if (!plan) throw new NotFoundError('this preview expired or was applied already: preview again', 'previewId');
  const kind = kinds.get(plan.action);
  checkConfirmation(plan, input.confirm);
  if (plan.blockers.length > 0) throw new ConflictError(plan.blockers.join('; '), 'previewId', 'blocked');

  return withChangeLock(ctx, plan.lockOn ?? plan.target, async (lock) => {
    const drift = await kind.drift(ctx, plan);
    if (drift.length > 0) {
      ctx.previews.change.drop(plan.previewId);
      const fresh = await previewChange(ctx, kind, plan.request, { undoOf: plan.undoOf });
      throw new ConflictError(
        `the cluster changed since the preview (${drift.map((d) => `${d.field} on ${d.where}: previewed ${d.before ?? 'absent'}, now ${d.after ?? 'absent'}`).join('; ')}): check the new preview and confirm again`,
        'previewId',
        'plan_stale',
        { drift, preview: fresh },
      );
    }
    return execute(ctx, kind, plan, lock, observer);
  });
}

function checkConfirmation(plan: ChangePlan, confirm: unknown): void {
  if (plan.typedConfirmation ? confirm === plan.target.name : confirm === true || confirm === plan.target.name) return;
  throw new BadInputError(plan.typedConfirmation ? `type the ${plan.target.kind} name (${plan.target.name}) to confirm` : 'confirm the change', 'confirm');
}

async function execute(ctx: ChangeContext, kind: AnyChangeKind, plan: ChangePlan, lock: HeldChangeLock, observer?: ApplyObserver): Promise<ChangeResult> {
  const { auditId, started } = await beginChangeAudit(ctx, lock, {
    action: plan.action,
    group: plan.target.kind === 'group' ? plan.target.name : null,
    topic: plan.target.kind === 'topic' ? plan.target.name : null,
    target: plan.target,
    params: { request: plan.request, previewId: plan.previewId },
    // no plan.secrets: they stay in this process's memory for apply
    plan: { lines: plan.lines, detail: plan.detail, warnings: plan.warnings, undo: plan.undo },
    undoOf: plan.undoOf ?? null,
  });
  observer?.started({ auditId, action: plan.action, target: plan.target, ...(plan.expectedSteps !== undefined ? { expectedSteps: plan.expectedSteps } : {}) });
  if (ctx.testHooks.pauseAfterAuditMs) await sleep(ctx.testHooks.pauseAfterAuditMs);

  let steps: StepOutcome[];
  let reported = 0;
  try {
    steps = await kind.apply(ctx, plan, (step) => {
      reported += 1;
      observer?.step(step);
    });
  } catch (error) {
    // a bug or an unexpected answer before any step reported: nothing is known to have changed
    steps = [{ where: plan.target.name, outcome: 'unknown', error: error instanceof Error ? error.message : String(error) }];
  }
  // a kind that does not report step by step (a few quick calls): its steps all at once, before the result
  if (reported === 0) for (const step of steps) observer?.step(step);
  const status = statusOf(steps);
  const durationMs = Date.now() - started;
  const errors = [...new Set(steps.flatMap((s) => (s.error ? [`${s.where}: ${s.error}`] : [])))];
  await (await ctx.store()).audit.finish(auditId, { at: Date.now(), status, result: { steps }, durationMs, error: errors.length ? errors.join('; ') : null });
  ctx.previews.change.drop(plan.previewId);
  return { auditId, action: plan.action, target: plan.target, status, steps, durationMs, ...(plan.undoOf !== undefined ? { undoOf: plan.undoOf } : {}) };
}

export function statusOf(steps: StepOutcome[]): ChangeStatus {
  const done = steps.filter((s) => s.outcome === 'done').length;
  if (done === steps.length) return 'completed';
  return done === 0 && steps.every((s) => s.outcome === 'failed') ? 'failed' : 'partial';
}

/** The plan that takes back an applied change, from its audit entry: itself a change through this pipeline. */
export async function previewUndo(ctx: ClusterContext, kinds: ChangeKinds, entry: AuditRecord): Promise<ChangePlan> {
  if (entry.cluster !== ctx.name) throw new NotFoundError(`audit entry #${entry.id} is not on cluster ${ctx.name}`, 'auditId');
  if (!kinds.has(entry.action)) throw new BadInputError(`audit entry #${entry.id} (${entry.action}) is not a change this undo takes back`, 'auditId');
  const kind = kinds.get(entry.action);
  const recorded = entry.plan as { lines: ChangeLine[]; detail: unknown; undo?: { possible: boolean; reason?: string } };
  if (!kind.undoRequest || recorded.undo?.possible === false) throw new ConflictError(`${entry.action} cannot be undone: ${recorded.undo?.reason ?? 'RocketMQ keeps no way back'}`, 'auditId', 'not_undoable');
  if (!entry.outcome) throw new ConflictError(`audit entry #${entry.id} has no outcome yet (running, or interrupted): check the cluster first`, 'auditId', 'not_finished');
  const steps = (entry.outcome.result as { steps?: StepOutcome[] } | null)?.steps ?? [];
  if (!steps.some((s) => s.outcome !== 'failed')) throw new ConflictError(`audit entry #${entry.id} changed nothing: there is nothing to undo`, 'auditId', 'nothing_to_undo');
  const undo = kind.undoRequest({ request: (entry.params as { request: unknown }).request, lines: recorded.lines, detail: recorded.detail }, steps);
  return previewChange(ctx, kinds.get(undo.action), undo.request, { undoOf: entry.id });
}
