import { OptionalTopicQuery } from '@/lib/console/messages/schema';
import { getMessageTrace } from '@/lib/console/traces/trace';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One message's trace (= mqadmin queryMsgTraceById, assembled). */
export const GET = route({ route: '/api/clusters/[cluster]/traces/[msgId]', permission: 'cluster:read', query: OptionalTopicQuery }, ({ ctx, params, query }) =>
  getMessageTrace(ctx, { msgId: params.msgId!, topic: query.topic }),
);
