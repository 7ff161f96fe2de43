import { messageTrace } from '@/lib/console/messages/queries';
import { OptionalTopicQuery } from '../../messages/schema';
import { parseQuery, pathParam, respond } from '../../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The trace of one message by client msgId (= mqadmin queryMsgTraceById), assembled. */
export function GET(request: Request, { params }: { params: Promise<{ msgId: string }> }) {
  return respond('/api/traces/[msgId]', async () => {
    const { topic } = parseQuery(request.url, OptionalTopicQuery);
    return messageTrace(pathParam((await params).msgId, 'msgId'), topic);
  });
}
