import { getGroupProgress } from '@/lib/console/groups/progress';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Offsets per queue, read fresh (= mqadmin consumerProgress -g). */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/progress', permission: 'cluster:read' }, ({ ctx, params }) => getGroupProgress(ctx, { group: params.group! }));
