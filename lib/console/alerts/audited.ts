import type { ChangeContext } from '../context';

/**
 * A change to the console's alerting records (a rule, a channel): the audit entry first, with the record before and
 * after, then the change, then its outcome, as every change the console makes. Channels come without their secrets.
 */
export async function auditedAlertChange(
  ctx: ChangeContext,
  change: { action: 'alert-rule' | 'alert-channel'; op: 'create' | 'update' | 'delete'; id: string; before: unknown; after: unknown },
  apply: () => Promise<unknown>,
): Promise<void> {
  const store = await ctx.store();
  const started = Date.now();
  const key = change.action === 'alert-rule' ? 'ruleId' : 'channelId';
  const params = { op: change.op, [key]: change.id };
  const id = await store.audit.begin({
    at: started,
    actor: ctx.actor.user,
    channel: ctx.actor.channel,
    cluster: ctx.name,
    action: change.action,
    group: null,
    topic: null,
    target: { kind: change.action, name: change.id },
    params,
    plan: { before: change.before ?? null, after: change.after ?? null },
  });
  try {
    await apply();
    await store.audit.finish(id, { at: Date.now(), status: 'succeeded', result: params, durationMs: Date.now() - started });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.audit.finish(id, { at: Date.now(), status: 'failed', result: params, durationMs: Date.now() - started, error: message });
    throw error;
  }
}
