import { listChannels, saveChannel } from '@/lib/console/alerts/notify/manage';
import { ChannelBody } from '@/lib/console/alerts/notify/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The cluster's notification channels, without their secrets. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts/channels', permission: 'cluster:read' }, ({ ctx }) => listChannels(ctx));

/** Creates a channel (audited, without its secret). */
export const POST = route({ route: '/api/clusters/[cluster]/alerts/channels', permission: 'alert:rules', body: ChannelBody }, ({ change, body }) => saveChannel(change, body));
