import { getAdmin } from '../core/admin';
import { getStore } from '../store';
import { applyReset } from './apply';
import { auditView, getAuditEntry, type AuditView } from '../audit/view';
import { previewReset } from './preview';
import { takePreview } from './previews';
import type { ResetPreview, ResetRequest, ResetResult } from './types';
import { previewUndo } from './undo';
import { NotFoundError } from '../core/errors';

/** The actor of audited actions until sign-in exists. */
export const LOCAL_ACTOR = 'local';

export function resetPreview(request: ResetRequest): Promise<ResetPreview> {
  return previewReset(getAdmin(), request);
}

export async function resetApply(group: string, previewId: string, confirm: unknown): Promise<ResetResult> {
  return applyReset({ admin: getAdmin(), store: await getStore(), actor: LOCAL_ACTOR }, group, previewId, confirm);
}

export async function undoPreview(auditId: number): Promise<ResetPreview> {
  return previewUndo(getAdmin(), await getStore(), auditId);
}

/** Applies an undo preview: the same checks, lock and audit as any reset, linked to the entry it undoes. */
export async function undoApply(auditId: number, previewId: string, confirm: unknown): Promise<ResetResult> {
  const store = await getStore();
  const entry = await getAuditEntry(store, getAdmin().config.clusterKey, auditId);
  const preview = takePreview(previewId);
  if (!preview || preview.undoOf !== auditId) throw new NotFoundError(`this preview is not an undo of audit #${auditId}: preview the undo again`, 'previewId');
  return applyReset({ admin: getAdmin(), store, actor: LOCAL_ACTOR }, entry.group!, previewId, confirm);
}

export interface AuditQuery {
  group?: string;
  topic?: string;
  actor?: string;
  from?: number;
  to?: number;
  page: number;
  pageSize: number;
}

export async function listAudit(q: AuditQuery): Promise<{ items: AuditView[]; total: number; page: number; pageSize: number }> {
  const store = await getStore();
  const { items, total } = await store.audit.list({
    cluster: getAdmin().config.clusterKey,
    group: q.group,
    topic: q.topic,
    actor: q.actor,
    from: q.from,
    to: q.to,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: items.map((r) => auditView(r)), total, page: q.page, pageSize: q.pageSize };
}

export async function auditEntry(id: number): Promise<AuditView> {
  return getAuditEntry(await getStore(), getAdmin().config.clusterKey, id);
}
