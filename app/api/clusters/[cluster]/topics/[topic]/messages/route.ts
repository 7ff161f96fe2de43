import { scanTopic, type ScanEvent } from '@/lib/console/messages/scan';
import { RangeScanQuery } from '@/lib/console/messages/schema';
import { route } from '../../../../../_lib/handler';
import { ndjsonResponse } from '../../../../../_lib/ndjson';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * The messages of a topic stored between `begin` and `end`, streamed as NDJSON (one ScanEvent per line: start,
 * progress, messages, failure, done). Bad input and an unknown topic are found before the first line and answered
 * as ordinary JSON errors; after that, failures are events. A client that disconnects stops the scan. The text
 * filter looks into bodies only for roles that read them.
 */
export const GET = route({ route: '/api/clusters/[cluster]/topics/[topic]/messages', permission: 'cluster:read', query: RangeScanQuery }, async ({ ctx, params, query, request, may }) => {
  const abort = new AbortController();
  const onClientGone = () => abort.abort();
  request.signal.addEventListener('abort', onClientGone);
  const close = () => request.signal.removeEventListener('abort', onClientGone);
  let events: AsyncGenerator<ScanEvent, void, undefined>;
  let first: IteratorResult<ScanEvent, void>;
  try {
    events = scanTopic(ctx, { topic: params.topic!, ...query, bodies: may('message:body') }, abort.signal);
    first = await events.next();
  } catch (error) {
    close();
    throw error;
  }
  return ndjsonResponse(events, { ...(first.done ? {} : { first: first.value }), log: ctx.log, what: 'time-range scan', cancel: () => abort.abort(), close });
});
