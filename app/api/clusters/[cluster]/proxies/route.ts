import { listProxies } from '@/lib/console/proxies/list';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** 5.x proxies: named in the clusters file or seen by the brokers (heartbeat-syncer group), version, reachable. */
export const GET = route({ route: '/api/clusters/[cluster]/proxies', permission: 'cluster:read' }, ({ ctx }) => listProxies(ctx));
