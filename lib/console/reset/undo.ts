import type { AdminClient } from '../core/admin';
import { ConflictError } from '../core/errors';
import type { Store } from '../store';
import { getAuditEntry, restorableQueues } from '../audit/view';
import { previewReset } from './preview';
import type { ResetPreview } from './types';

/**
 * Previews restoring the offsets an earlier reset replaced: mode "offset" with each changed queue's before-offset
 * (for an interrupted reset, every planned queue: which ones changed is unknown). A before-offset that is no
 * longer in its queue (messages expired since) is clamped, with a warning.
 */
export async function previewUndo(admin: AdminClient, store: Store, auditId: number): Promise<ResetPreview> {
  const entry = await getAuditEntry(store, admin.config.clusterKey, auditId);
  if (!entry.canUndo) throw new ConflictError(`audit #${auditId} cannot be undone: ${entry.undoReason}`, 'auditId', 'not_undoable');
  const queues = restorableQueues(entry);
  return previewReset(
    admin,
    { group: entry.group!, mode: 'offset', offsets: queues.map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, offset: q.before })) },
    { undoOf: auditId, clampOffsets: true },
  );
}
