import { getGroupOverview } from '@/lib/console/groups/overview';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The group's config per broker and its retry and dead-letter topics. */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]', permission: 'cluster:read' }, ({ ctx, params }) => getGroupOverview(ctx, { group: params.group! }));
