import client from 'prom-client';
import { escapeLabel } from '../core/metrics';
import type { GroupSnapshot, LagSnapshot } from './types';

/** Each cluster's newest lag snapshot, read at scrape time (10,000 groups cost no memory between scrapes). */
export type LagSnapshots = () => Array<{ cluster: string; snapshot: LagSnapshot | undefined }>;

/** Per-group lag gauges and the snapshot's own age and duration, labelled by cluster. */
export function registerLagMetrics(registry: client.Registry, snapshots: LagSnapshots): void {
  const perGroup = (name: string, help: string, value: (g: GroupSnapshot, asOf: number) => number | undefined) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['cluster', 'group'],
      registers: [registry],
      collect() {
        this.reset();
        for (const { cluster, snapshot } of snapshots()) {
          for (const g of snapshot?.groups ?? []) {
            const v = value(g, snapshot!.asOf);
            if (v !== undefined) this.set({ cluster, group: g.group }, v);
          }
        }
      },
    });
  perGroup('rocketmq_consumer_group_lag', "Messages behind, summed over the group's queues", (g) => g.lag);
  perGroup('rocketmq_consumer_group_lag_age_seconds', "Age of the group's oldest unconsumed message", (g, asOf) =>
    // no lag: nothing waits (0); lag whose age is unknown: no sample rather than a made-up 0
    g.oldestUnconsumedTimestamp !== undefined ? (asOf - g.oldestUnconsumedTimestamp) / 1000 : g.lag === 0 ? 0 : undefined,
  );
  perGroup('rocketmq_consumer_group_clients', 'Online clients of the group', (g) => g.clients);
  perGroup('rocketmq_consumer_group_consume_tps', 'Consume TPS the brokers report for the group', (g) => g.consumeTps);
  const perCluster = (name: string, help: string, value: (s: LagSnapshot | undefined) => number) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['cluster'],
      registers: [registry],
      collect() {
        this.reset();
        for (const { cluster, snapshot } of snapshots()) this.set({ cluster }, value(snapshot));
      },
    });
  perCluster('rocketmq_console_lag_snapshot_age_seconds', 'How old the lag snapshot the metrics come from is (-1: none yet)', (s) => (s ? (Date.now() - s.asOf) / 1000 : -1));
  perCluster('rocketmq_console_lag_snapshot_duration_seconds', 'How long the last lag snapshot took to build (-1: none yet)', (s) => (s ? s.durationMs / 1000 : -1));
}

/**
 * The per-queue lag series, written straight from the snapshots as Prometheus text: 10,000 groups can mean 100,000+
 * series, and prom-client keeps an object per label set, which cost hundreds of MB at that scale.
 */
export function queueLagExposition(snapshots: ReturnType<LagSnapshots>): string {
  const lines: string[] = [
    '# HELP rocketmq_consumer_lag Messages behind per queue (broker offset - consumer offset), from the latest lag snapshot',
    '# TYPE rocketmq_consumer_lag gauge',
  ];
  const ages: string[] = [
    '# HELP rocketmq_consumer_lag_age_seconds Age of the oldest unconsumed message per queue',
    '# TYPE rocketmq_consumer_lag_age_seconds gauge',
  ];
  for (const { cluster, snapshot } of snapshots) {
    const c = escapeLabel(cluster);
    for (const g of snapshot?.groups ?? []) {
      const group = escapeLabel(g.group);
      for (const q of g.queues) {
        const labels = `{cluster="${c}",group="${group}",topic="${escapeLabel(q.topic)}",broker="${escapeLabel(q.brokerName)}",queue="${q.queueId}"}`;
        lines.push(`rocketmq_consumer_lag${labels} ${q.lag}`);
        if (q.oldestUnconsumedTimestamp !== undefined) ages.push(`rocketmq_consumer_lag_age_seconds${labels} ${(snapshot!.asOf - q.oldestUnconsumedTimestamp) / 1000}`);
      }
    }
  }
  return `${lines.join('\n')}\n${ages.join('\n')}\n`;
}
