import { getOrderedOverview } from '@/lib/console/ordered/overview';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Ordered topics, the groups consuming them, per orderly group its queue locks and stuck queues; each namesrv's orderMessageEnable. */
export const GET = route({ route: '/api/clusters/[cluster]/ordered', permission: 'cluster:read' }, ({ ctx }) => getOrderedOverview(ctx));
