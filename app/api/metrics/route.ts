import { metrics, queueLagExposition } from '@/lib/console/core/metrics';
import { errorResponse } from '../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Prometheus text format (not JSON): lag per group/topic/broker/queue, lag age, and the console's own metrics. */
export async function GET() {
  try {
    const registry = metrics().registry;
    return new Response(`${await registry.metrics()}\n${queueLagExposition()}`, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
