import { listClusterNames } from '@/lib/console/cluster/names';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every topic, group and broker name of the cluster, for the command palette: no broker call per name. */
export const GET = route({ route: '/api/clusters/[cluster]/names', permission: 'cluster:read' }, ({ ctx }) => listClusterNames(ctx));
