import { getAdmin } from '@/lib/console/core/admin';
import { log } from '@/lib/console/core/log';
import { metrics } from '@/lib/console/core/metrics';
import { scanTopic, type ScanEvent } from '@/lib/console/messages/scan';
import { errorResponse, parseQuery, pathParam } from '../../../_lib/respond';
import { RangeScanQuery } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const ROUTE = '/api/topics/[topic]/messages';

/**
 * The messages of a topic stored between `begin` and `end`, streamed as NDJSON (one ScanEvent per line: start,
 * progress, messages, failure, done). Bad input and an unknown topic are found before the first line and answered
 * as ordinary JSON errors; after that, failures are events. A client that disconnects stops the scan.
 */
export async function GET(request: Request, { params }: { params: Promise<{ topic: string }> }): Promise<Response> {
  const started = performance.now();
  const record = (status: number) => {
    const m = metrics();
    m.httpRequests.inc({ route: ROUTE, method: 'GET', status: String(status) });
    m.httpDuration.observe({ route: ROUTE }, (performance.now() - started) / 1000);
  };
  const abort = new AbortController();
  const onClientGone = () => abort.abort();
  request.signal.addEventListener('abort', onClientGone);
  let events: AsyncGenerator<ScanEvent, void, undefined>;
  let first: IteratorResult<ScanEvent, void>;
  try {
    const topic = pathParam((await params).topic, 'topic');
    const query = parseQuery(request.url, RangeScanQuery);
    events = scanTopic(getAdmin(), { topic, ...query }, abort.signal);
    first = await events.next();
  } catch (error) {
    request.signal.removeEventListener('abort', onClientGone);
    const response = errorResponse(error);
    record(response.status);
    return response;
  }
  const encoder = new TextEncoder();
  const line = (event: ScanEvent) => encoder.encode(`${JSON.stringify(event)}\n`);
  const close = () => {
    request.signal.removeEventListener('abort', onClientGone);
    record(200);
  };
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
        log.error({ err: error }, 'time-range scan failed after its first event');
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
}
