import { listFavourites } from '@/lib/console/favourites/favourites';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The caller's starred groups and topics on this cluster, with their lag, lag age, figures and open alerts. */
export const GET = route({ route: '/api/clusters/[cluster]/favourites', permission: 'cluster:read' }, ({ change }) => listFavourites(change));
