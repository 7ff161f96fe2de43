import { getRebalanceHistory } from '@/lib/console/groups/rebalances';
import { LagHistoryQuery } from '@/lib/console/groups/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Clients that joined and left, and queues that moved between them, over 1h, 6h, 24h or 7d (the lag chart's ranges). */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/rebalances', permission: 'cluster:read', query: LagHistoryQuery }, ({ ctx, params, query }) =>
  getRebalanceHistory(ctx, { group: params.group!, range: query.range }),
);
