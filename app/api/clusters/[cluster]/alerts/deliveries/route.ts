import { listDeliveries } from '@/lib/console/alerts/notify/manage';
import { DeliveriesQuery } from '@/lib/console/alerts/notify/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Messages sent, queued or failed, newest first, with attempts and the receiver's last answer. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts/deliveries', permission: 'cluster:read', query: DeliveriesQuery }, ({ ctx, query }) => listDeliveries(ctx, query));
