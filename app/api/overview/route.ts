import { getHome } from '@/lib/console/cluster/home';
import { route } from '../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Every cluster at a glance (brokers up/down, versions, lag, worst groups), for the signed-in user's clusters. */
export const GET = route({ route: '/api/overview', permission: 'signed-in', scope: 'console' }, ({ app, principal }) => getHome(app, principal));
