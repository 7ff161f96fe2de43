import { getClusterOverview } from '@/lib/console/cluster/overview';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every broker the namesrv knows with its runtime figures (= mqadmin clusterList). */
export const GET = route({ route: '/api/clusters/[cluster]/brokers', permission: 'cluster:read' }, ({ ctx }) => getClusterOverview(ctx));
