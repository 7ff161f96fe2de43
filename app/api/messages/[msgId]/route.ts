import { messageDetail } from '@/lib/console/messages/queries';
import { parseQuery, pathParam, respond } from '../../_lib/respond';
import { OptionalTopicQuery } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One message by client msgId or offset msgId: fields, properties, body, and each group's standing. */
export function GET(request: Request, { params }: { params: Promise<{ msgId: string }> }) {
  return respond('/api/messages/[msgId]', async () => {
    const { topic } = parseQuery(request.url, OptionalTopicQuery);
    return messageDetail(pathParam((await params).msgId, 'msgId'), topic);
  });
}
