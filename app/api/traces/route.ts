import { tracesByKey } from '@/lib/console/messages/queries';
import { TraceKeyQuery } from '../messages/schema';
import { parseQuery, respond } from '../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The traces of every message with a key. */
export function GET(request: Request) {
  return respond('/api/traces', async () => {
    const q = parseQuery(request.url, TraceKeyQuery);
    return tracesByKey(q.key, q.topic);
  });
}
