import { getStorageOverview } from '@/lib/console/storage/overview';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Disk use, retention and the retroactive window of every broker process. */
export const GET = route({ route: '/api/clusters/[cluster]/storage', permission: 'cluster:read' }, ({ ctx }) => getStorageOverview(ctx));
