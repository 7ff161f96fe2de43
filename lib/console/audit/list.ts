import type { ClusterContext } from '../context';
import { auditView, runningAuditIds, type AuditView } from './view';

export interface AuditQuery {
  group?: string;
  topic?: string;
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
  page: number;
  pageSize: number;
}

/** This cluster's audit entries, newest first, filtered and paged in the store. */
export async function listAudit(ctx: ClusterContext, q: AuditQuery): Promise<{ items: AuditView[]; total: number; page: number; pageSize: number }> {
  const store = await ctx.store();
  const { items, total } = await store.audit.list({
    cluster: ctx.name,
    group: q.group,
    topic: q.topic,
    actor: q.actor,
    action: q.action,
    from: q.from,
    to: q.to,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  const running = await runningAuditIds(ctx);
  return { items: items.map((r) => auditView(r, running)), total, page: q.page, pageSize: q.pageSize };
}
