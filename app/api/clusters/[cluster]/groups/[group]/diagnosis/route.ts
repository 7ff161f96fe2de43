import { getGroupDiagnosis } from '@/lib/console/groups/diagnosis';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Why the group lags: each likely cause with its evidence. */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/diagnosis', permission: 'cluster:read' }, ({ ctx, params }) => getGroupDiagnosis(ctx, { group: params.group! }));
