import { queueLagExposition } from '@/lib/console/lag/metrics';
import { route } from '../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Prometheus text format (not JSON) for every cluster, labelled by cluster: lag and lag age per group/topic/
 * broker/queue, and the app's own metrics. Needs the viewer role on every cluster (a scraper's API token).
 */
export const GET = route({ route: '/api/metrics', permission: 'cluster:read', scope: 'console' }, async ({ app }) => {
  const registry = app.metrics.registry;
  const snapshots = [...app.clusters.values()].map((c) => ({ cluster: c.name, snapshot: c.lag.peek() }));
  return new Response(`${await registry.metrics()}\n${queueLagExposition(snapshots)}`, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
});
