import { listAudit } from '@/lib/console/audit/list';
import { AuditListQuery } from '@/lib/console/audit/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** This cluster's audit log, newest first. */
export const GET = route({ route: '/api/clusters/[cluster]/audit', permission: 'cluster:read', query: AuditListQuery }, ({ ctx, query }) => listAudit(ctx, query));
