import { getBrokerRuntime } from '@/lib/console/brokers/runtime';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One broker's runtime table (= mqadmin brokerStatus); only addresses the namesrv lists. */
export const GET = route({ route: '/api/clusters/[cluster]/brokers/[addr]/runtime', permission: 'cluster:read' }, ({ ctx, params }) => getBrokerRuntime(ctx, { addr: params.addr! }));
