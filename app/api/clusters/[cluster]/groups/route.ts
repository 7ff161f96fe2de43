import { listGroups } from '@/lib/console/groups/list';
import { GroupListQuery } from '@/lib/console/groups/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A page of the lag snapshot's groups; refresh=1 waits (up to 30 s) for a new snapshot. */
export const GET = route({ route: '/api/clusters/[cluster]/groups', permission: 'cluster:read', query: GroupListQuery }, ({ ctx, query }) => listGroups(ctx, query));
