import { getGroupConnections } from '@/lib/console/groups/connections';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Online clients and subscriptions (= mqadmin consumerConnection). */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/connections', permission: 'cluster:read' }, ({ ctx, params }) => getGroupConnections(ctx, { group: params.group! }));
