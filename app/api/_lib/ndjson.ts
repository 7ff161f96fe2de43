import type { Logger } from '@/lib/console/core/log';

const encoder = new TextEncoder();

/**
 * Events as NDJSON, one JSON object per line, pulled from `events` only as fast as the client reads (a slow
 * reader holds the producer back instead of piling lines up in memory). `first` is an event already taken (to
 * answer a bad request as a plain JSON error before the stream starts). `cancel` runs when the client goes away.
 */
export function ndjsonResponse<E>(events: AsyncGenerator<E, void, undefined>, options: { first?: E; log: Logger; what: string; cancel?: () => void; close?: () => void }): Response {
  const line = (event: E) => encoder.encode(`${JSON.stringify(event)}\n`);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (options.first !== undefined) controller.enqueue(line(options.first));
    },
    async pull(controller) {
      try {
        const next = await events.next();
        if (next.done) {
          options.close?.();
          controller.close();
        } else controller.enqueue(line(next.value));
      } catch (error) {
        options.log.error({ err: error }, `${options.what} failed after its first event`);
        options.close?.();
        controller.error(error);
      }
    },
    async cancel() {
      options.cancel?.();
      options.close?.();
      await events.return(undefined);
    },
  });
  return new Response(body, {
    headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}

/** Whether the client asked for the streamed (NDJSON) answer. */
export function wantsNdjson(request: Request): boolean {
  return (request.headers.get('accept') ?? '').includes('application/x-ndjson');
}
