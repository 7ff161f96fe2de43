import { messageLookup } from '@/lib/console/messages/queries';
import { errorResponse, parseQuery, pathParam } from '../../../_lib/respond';
import { OptionalTopicQuery } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The whole body (inflated when it was compressed) as a download: the message page shows only its start. */
export async function GET(request: Request, { params }: { params: Promise<{ msgId: string }> }) {
  try {
    const { topic } = parseQuery(request.url, OptionalTopicQuery);
    const id = pathParam((await params).msgId, 'msgId');
    const { raw } = await messageLookup(id, topic);
    const m = raw[0]!;
    return new Response(new Uint8Array(m.body), {
      headers: {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${m.msgId}.bin"`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
