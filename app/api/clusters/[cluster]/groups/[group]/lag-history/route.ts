import { getLagHistory } from '@/lib/console/groups/lag-history';
import { LagHistoryQuery } from '@/lib/console/groups/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The group's lag over 1h, 6h, 24h or 7d, total and per queue. */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/lag-history', permission: 'cluster:read', query: LagHistoryQuery }, ({ ctx, params, query }) =>
  getLagHistory(ctx, { group: params.group!, range: query.range }),
);
