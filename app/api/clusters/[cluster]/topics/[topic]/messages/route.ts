import { scanTopic, type ScanEvent } from '@/lib/console/messages/scan';
import { RangeScanQuery } from '@/lib/console/messages/schema';
import { route } from '../../../../../_lib/handler';

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
  let events: AsyncGenerator<ScanEvent, void, undefined>;
  let first: IteratorResult<ScanEvent, void>;
  try {
    events = scanTopic(ctx, { topic: params.topic!, ...query, bodies: may('message:body') }, abort.signal);
    first = await events.next();
  } catch (error) {
    request.signal.removeEventListener('abort', onClientGone);
    throw error;
  }
  const encoder = new TextEncoder();
  const line = (event: ScanEvent) => encoder.encode(`${JSON.stringify(event)}\n`);
  const close = () => request.signal.removeEventListener('abort', onClientGone);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(line(first.value));
    },
    // pull-driven: a slow reader holds the scan back instead of piling events up in memory
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) {
          close();
          controller.close();
        } else controller.enqueue(line(next.value));
      } catch (error) {
        ctx.log.error({ err: error }, 'time-range scan failed after its first event');
        close();
        controller.error(error);
      }
    },
    async cancel() {
      abort.abort();
      close();
      await events.return(undefined);
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
});
