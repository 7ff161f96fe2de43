import { getMessageDetail } from '@/lib/console/messages/detail';
import { OptionalTopicQuery } from '@/lib/console/messages/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One message by client msgId or offsetMsgId; its body only for roles that read bodies. */
export const GET = route({ route: '/api/clusters/[cluster]/messages/[msgId]', permission: 'cluster:read', query: OptionalTopicQuery }, ({ ctx, params, query, may }) =>
  getMessageDetail(ctx, { msgId: params.msgId!, topic: query.topic, bodies: may('message:body') }),
);
