import { getMessageBody } from '@/lib/console/messages/detail';
import { OptionalTopicQuery } from '@/lib/console/messages/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The whole body (inflated when it was compressed) as a download: the message page shows only its start. */
export const GET = route({ route: '/api/clusters/[cluster]/messages/[msgId]/body', permission: 'message:body', query: OptionalTopicQuery }, async ({ ctx, params, query }) => {
  const { msgId, body } = await getMessageBody(ctx, { msgId: params.msgId!, topic: query.topic });
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename="${msgId}.bin"`, 'cache-control': 'no-store' },
  });
});
