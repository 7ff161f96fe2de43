import { getGroupClients } from '@/lib/console/groups/clients';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** What each online client reports (a broadcasting group's only offsets). */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/clients', permission: 'cluster:read' }, ({ ctx, params }) => getGroupClients(ctx, { group: params.group! }));
