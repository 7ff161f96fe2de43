import { simulateOnCluster, SimulateQuery } from '@/lib/console/acl/simulate';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** "May user U do action A on resource R from IP I?" from the live policies, with the entry that decided. */
export const GET = route({ route: '/api/clusters/[cluster]/acl/simulate', permission: 'cluster:read', query: SimulateQuery }, ({ ctx, query }) => simulateOnCluster(ctx, query));
