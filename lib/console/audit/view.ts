import { NotFoundError } from '../core/errors';
import { queueKey } from '../core/routes';
import type { ClusterContext } from '../context';
import type { AuditRecord } from '../store';
import type { AppliedQueue } from '../reset/types';
import type { ChangeLine, StepOutcome } from '../changes/types';
import { CHANGE_LOCK_TTL_MS } from '../changes/guard';

const DIED = `(or its console process died: its lock lapses within ${CHANGE_LOCK_TTL_MS / 1000} s, and the entry then shows as interrupted)`;

export type AuditStatus = 'started' | 'completed' | 'partial' | 'failed' | 'unknown' | 'interrupted';

export interface PlannedQueue {
  topic: string;
  brokerName: string;
  queueId: number;
  before: number;
  target: number;
  brokerOffset: number;
}

export interface AuditView {
  auditId: number;
  at: number;
  actor: string;
  /** ui, api or cli. */
  channel: string;
  action: string;
  group: string | null;
  topic: string | null;
  /** What the action was about, as one line ("lab_cg_cluster @ LabTopic"). */
  target: string;
  status: AuditStatus;
  params: Record<string, unknown>;
  planned: PlannedQueue[];
  /**
   * Per queue outcome. While a reset runs: the brokers done so far. Interrupted: the brokers recorded as done before
   * the process died, and every other planned queue as unknown (it may or may not have been reset).
   */
  results: AppliedQueue[] | null;
  durationMs: number | null;
  error: string | null;
  undoOf: number | null;
  undoneBy: number[];
  /** Undo restores the before-offsets of the queues that were (or may have been) reset. */
  canUndo: boolean;
  undoReason?: string;
  /** For a change of the change pipeline (topic.upsert, …): the diff it planned and each step's outcome. */
  change?: { targetKind: string; lines: ChangeLine[]; warnings: string[]; steps: StepOutcome[] | null };
}

/**
 * An audit entry as operators read it. An entry without an outcome is "started" while its reset runs in this
 * process, and "interrupted" otherwise: the process died between the audit write and the end.
 */
export function auditView(record: AuditRecord, running: ReadonlySet<number>, undoneBy: number[] = []): AuditView {
  const plan = (record.plan ?? {}) as { queues?: PlannedQueue[] };
  const result = (record.outcome?.result ?? null) as { queues?: AppliedQueue[] } | null;
  const status: AuditStatus = record.outcome ? (record.outcome.status as AuditStatus) : running.has(record.id) ? 'started' : 'interrupted';
  const planned = plan.queues ?? [];
  const results = result?.queues ?? resultsSoFar(record, status, planned);
  const restorable = restorableQueues({ status, planned, results });
  const change = changeOf(record);
  let undoReason: string | undefined;
  if (change) undoReason = changeUndoReason(record, status, change.steps);
  else if (record.action === 'resend-message') undoReason = 'a message handed to a client cannot be taken back';
  else if (record.action === 'alert-rule' || record.action === 'alert-channel') undoReason = `an alert ${record.action === 'alert-rule' ? 'rule' : 'channel'} is the console's own setting: edit or delete it on the alerts page`;
  else if (!record.action.includes('reset-offset')) undoReason = 'only offset resets can be undone';
  else if (status === 'started') undoReason = `the reset is still running ${DIED}`;
  else if (status === 'failed') undoReason = 'the reset changed nothing';
  else if (restorable.length === 0) undoReason = 'no queue was changed';
  return {
    auditId: record.id,
    at: record.at,
    actor: record.actor,
    channel: record.channel,
    action: record.action,
    group: record.group,
    topic: record.topic,
    target: change || record.target ? `${record.target?.kind} ${record.target?.name}` : `${record.group ?? ''}${record.topic ? ` @ ${record.topic}` : ' @ all topics'}`,
    status,
    params: (record.params ?? {}) as Record<string, unknown>,
    planned,
    results,
    durationMs: record.outcome?.durationMs ?? null,
    error: record.outcome?.error ?? null,
    undoOf: record.undoOf,
    undoneBy,
    canUndo: undoReason === undefined,
    undoReason,
    ...(change ? { change } : {}),
  };
}

/** Entries written by the change pipeline carry lines in their plan and steps in their result. */
function changeOf(record: AuditRecord): AuditView['change'] | undefined {
  const plan = record.plan as { lines?: ChangeLine[]; warnings?: string[] } | null;
  if (!record.target || !Array.isArray(plan?.lines)) return undefined;
  const steps = (record.outcome?.result as { steps?: StepOutcome[] } | null)?.steps ?? null;
  return { targetKind: record.target.kind, lines: plan.lines, warnings: plan.warnings ?? [], steps };
}

function changeUndoReason(record: AuditRecord, status: AuditStatus, steps: StepOutcome[] | null): string | undefined {
  const undo = (record.plan as { undo?: { possible: boolean; reason?: string } }).undo;
  if (undo && !undo.possible) return undo.reason ?? 'RocketMQ keeps no way back';
  if (status === 'started') return `the change is still running ${DIED}`;
  if (status === 'interrupted') return 'the console stopped before recording what happened: read the cluster, then change it again';
  if (!steps || steps.every((s) => s.outcome === 'failed')) return 'the change changed nothing';
  return undefined;
}

export const NOT_RECORDED = 'not recorded: the console process stopped while this ran, so the broker may or may not have reset it';

/** An entry without an outcome: the per-broker parts recorded so far, and (interrupted) the rest as unknown. */
function resultsSoFar(record: AuditRecord, status: AuditStatus, planned: PlannedQueue[]): AppliedQueue[] | null {
  const recorded = record.progress.flatMap((p) => (p.result as { queues?: AppliedQueue[] } | null)?.queues ?? []);
  if (status !== 'interrupted') return recorded.length > 0 ? recorded : null;
  const known = new Map(recorded.map((r) => [queueKey(r), r]));
  return planned.map((q) => known.get(queueKey(q)) ?? { topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, before: q.before, target: q.target, ok: false, outcome: 'unknown', error: NOT_RECORDED });
}

/**
 * Queues an undo puts back: the ones the reset changed or may have changed (no answer in time, or not recorded
 * before the process died). Restoring a queue that did not change is harmless.
 */
export function restorableQueues(view: Pick<AuditView, 'status' | 'planned' | 'results'>): PlannedQueue[] {
  if (view.status === 'interrupted' && !view.results) return view.planned;
  const touched = new Set((view.results ?? []).filter((r) => r.ok || r.outcome === 'unknown').map(queueKey));
  return view.planned.filter((q) => touched.has(queueKey(q)));
}

/** One audit entry of this cluster, with the entries that undid it. */
export async function getAuditEntry(ctx: ClusterContext, input: { auditId: number }): Promise<AuditView> {
  const id = input.auditId;
  const store = await ctx.store();
  const record = await store.audit.get(id);
  if (!record || record.cluster !== ctx.name) throw new NotFoundError(`there is no audit entry #${id} on cluster ${ctx.name}`, 'auditId');
  const undone = await store.audit.list({ cluster: ctx.name, undoOf: id, limit: 50, offset: 0 });
  return auditView(record, await runningAuditIds(ctx), undone.items.map((r) => r.id));
}

/** Entries whose change runs now, in any console process on the store (each holds its target's lock). */
export async function runningAuditIds(ctx: ClusterContext): Promise<Set<number>> {
  const store = await ctx.store();
  return store.locks.runningAuditIds(ctx.name, Date.now());
}
