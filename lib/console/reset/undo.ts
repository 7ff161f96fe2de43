import { ConflictError, NotFoundError } from '../core/errors';
import { getAuditEntry, restorableQueues } from '../audit/view';
import type { ChangeContext, ClusterContext } from '../context';
import { applyReset } from './apply';
import { previewReset } from './preview';
import type { ResetPreview, ResetResult } from './types';

/**
 * Previews restoring the offsets an earlier reset replaced: mode "offset" with each changed queue's before-offset
 * (for an interrupted reset, every planned queue: which ones changed is unknown). A before-offset that is no
 * longer in its queue (messages expired since) is clamped, with a warning.
 */
export async function previewUndo(ctx: ClusterContext, input: { auditId: number }): Promise<ResetPreview> {
  const { auditId } = input;
  const entry = await getAuditEntry(ctx, { auditId });
  if (!entry.canUndo) throw new ConflictError(`audit #${auditId} cannot be undone: ${entry.undoReason}`, 'auditId', 'not_undoable');
  const queues = restorableQueues(entry);
  return previewReset(
    ctx,
    { group: entry.group!, mode: 'offset', offsets: queues.map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, offset: q.before })) },
    { undoOf: auditId, clampOffsets: true },
  );
}

/** Applies an undo preview: the same checks, lock and audit as any reset, linked to the entry it undoes. */
export async function applyUndo(ctx: ChangeContext, input: { auditId: number; previewId: string; confirm: unknown }): Promise<ResetResult> {
  const entry = await getAuditEntry(ctx, { auditId: input.auditId });
  const preview = ctx.previews.reset.get(input.previewId);
  if (!preview || preview.undoOf !== input.auditId) throw new NotFoundError(`this preview is not an undo of audit #${input.auditId}: preview the undo again`, 'previewId');
  return applyReset(ctx, { group: entry.group!, previewId: input.previewId, confirm: input.confirm });
}
