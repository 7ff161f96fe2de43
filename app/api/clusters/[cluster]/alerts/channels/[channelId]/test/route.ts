import { testChannel } from '@/lib/console/alerts/notify/manage';
import { route } from '../../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sends a test message now: the delivery, sent with the receiver's answer or failed with why. */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/channels/[channelId]/test', permission: 'alert:rules' }, ({ ctx, params }) => testChannel(ctx, { channelId: params.channelId! }));
