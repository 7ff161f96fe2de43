import { deleteChannel, saveChannel } from '@/lib/console/alerts/notify/manage';
import { ChannelBody } from '@/lib/console/alerts/notify/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Replaces a channel; a secret left out is kept (audited with the channel before and after, secrets left out). */
export const PUT = route({ route: '/api/clusters/[cluster]/alerts/channels/[channelId]', permission: 'alert:rules', body: ChannelBody }, ({ change, params, body }) => saveChannel(change, { ...body, id: params.channelId! }));

/** Deletes a channel (audited); messages queued for it fail. */
export const DELETE = route({ route: '/api/clusters/[cluster]/alerts/channels/[channelId]', permission: 'alert:rules' }, ({ change, params }) => deleteChannel(change, { channelId: params.channelId! }));
