import { RecentSearchBody } from '@/lib/console/favourites/schema';
import { clearSearches, listSearches, recordSearch } from '@/lib/console/favourites/searches';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

// the caller's own search history: cluster:read is enough (app/api/routes.test.ts lists the changes under PERSONAL)

/** The caller's recent message searches on this cluster, newest first. */
export const GET = route({ route: '/api/clusters/[cluster]/recent-searches', permission: 'cluster:read' }, ({ change }) => listSearches(change));

/** Keeps a search the caller ran (the search pages send it): `{ kind: key|msgId|range|trace, params }`. */
export const POST = route({ route: '/api/clusters/[cluster]/recent-searches', permission: 'cluster:read', body: RecentSearchBody }, ({ change, body }) => recordSearch(change, body));

/** Forgets the caller's recent searches on this cluster. */
export const DELETE = route({ route: '/api/clusters/[cluster]/recent-searches', permission: 'cluster:read' }, ({ change }) => clearSearches(change));
