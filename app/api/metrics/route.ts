import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { lagExposition } from '@/lib/console/lag/metrics';
import { route } from '../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Prometheus text format (not JSON) for every cluster, labelled by cluster: lag and lag age per group, per
 * topic/broker/queue for the groups with the most lag (METRICS_QUEUE_GROUPS, default 100), and the app's own metrics. Needs the viewer role on every cluster (a scraper's API token).
 * The lag families stream in chunks, pulled as the scraper reads, with other requests served between chunks.
 */
export const GET = route({ route: '/api/metrics', permission: 'cluster:read', scope: 'console' }, async ({ app }) => {
  const registry = app.metrics.registry;
  const snapshots = [...app.clusters.values()].map((c) => ({ cluster: c.name, snapshot: c.lag.peek() }));
  const head = await registry.metrics();
  // per-queue series only for the groups with the most lag (METRICS_QUEUE_GROUPS): every queue of 50,000 groups is
  // millions of series a scrape
  const chunks = lagExposition(snapshots, app.settings.lag.metricsQueueGroups);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${head}\n`));
    },
    async pull(controller) {
      await yieldToOthers();
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
});
