import { AuditIdParam } from '@/lib/console/audit/schema';
import { getAuditEntry } from '@/lib/console/audit/view';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One audit entry with its plan, outcome and the entries that undid it. */
export const GET = route({ route: '/api/clusters/[cluster]/audit/[auditId]', permission: 'cluster:read' }, ({ ctx, params }) => getAuditEntry(ctx, AuditIdParam.parse(params)));
