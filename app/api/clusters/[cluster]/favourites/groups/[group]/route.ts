import { star, unstar } from '@/lib/console/favourites/favourites';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// a personal preference of the caller: cluster:read is enough (app/api/routes.test.ts lists it under PERSONAL)

/** Stars a consumer group that exists, for the caller only. */
export const PUT = route({ route: '/api/clusters/[cluster]/favourites/groups/[group]', permission: 'cluster:read' }, ({ change, params }) => star(change, { kind: 'group', name: params.group! }));

/** Removes the caller's star, whether or not the group still exists. */
export const DELETE = route({ route: '/api/clusters/[cluster]/favourites/groups/[group]', permission: 'cluster:read' }, ({ change, params }) => unstar(change, { kind: 'group', name: params.group! }));
