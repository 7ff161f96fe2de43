import client from 'prom-client';
import { escapeLabel } from '../core/metrics';
import type { GroupSnapshot, LagSnapshot, QueueLag } from './types';

/** Each cluster's newest lag snapshot, read at scrape time (10,000 groups cost no memory between scrapes). */
export type LagSnapshots = () => Array<{ cluster: string; snapshot: LagSnapshot | undefined }>;

/** The snapshot's own age and duration per cluster: a few series, kept in prom-client with the app's metrics. */
export function registerLagMetrics(registry: client.Registry, snapshots: LagSnapshots): void {
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

interface Family<T> {
  name: string;
  help: string;
  /** undefined: no sample (an unknown value is left out, never written as 0). */
  value: (item: T, asOf: number) => number | undefined;
}

const GROUP_FAMILIES: Array<Family<GroupSnapshot>> = [
  { name: 'rocketmq_consumer_group_lag', help: "Messages behind, summed over the group's queues", value: (g) => g.lag },
  {
    name: 'rocketmq_consumer_group_lag_age_seconds',
    help: "Age of the group's oldest unconsumed message",
    // no lag: nothing waits (0); lag whose age is unknown: no sample rather than a made-up 0
    value: (g, asOf) => (g.oldestUnconsumedTimestamp !== undefined ? (asOf - g.oldestUnconsumedTimestamp) / 1000 : g.lag === 0 ? 0 : undefined),
  },
  { name: 'rocketmq_consumer_group_clients', help: 'Online clients of the group', value: (g) => g.clients },
  { name: 'rocketmq_consumer_group_consume_tps', help: 'Consume TPS the brokers report for the group', value: (g) => g.consumeTps },
];

const QUEUE_FAMILIES: Array<Family<QueueLag>> = [
  { name: 'rocketmq_consumer_lag', help: 'Messages behind per queue (broker offset - consumer offset), from the latest lag snapshot', value: (q) => q.lag },
  { name: 'rocketmq_consumer_lag_age_seconds', help: 'Age of the oldest unconsumed message per queue', value: (q, asOf) => (q.oldestUnconsumedTimestamp === undefined ? undefined : (asOf - q.oldestUnconsumedTimestamp) / 1000) },
];

/** Lines per chunk: the scrape yields to other work between chunks. */
export const CHUNK_LINES = 2000;

/**
 * Every group's and queue's lag as Prometheus text, one family after another, in chunks of at most CHUNK_LINES
 * lines. 10,000 groups make ~280,000 series (60 MB): rendered whole, one scrape held the event loop for seconds and
 * 60 MB at once, and prom-client keeps an object per label set on top. Written straight from the snapshots instead,
 * and streamed.
 */
export function* lagExposition(snapshots: ReturnType<LagSnapshots>): Generator<string> {
  let lines: string[] = [];
  const flush = () => {
    const chunk = `${lines.join('\n')}\n`;
    lines = [];
    return chunk;
  };
  for (const family of GROUP_FAMILIES) {
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} gauge`);
    for (const { cluster, snapshot } of snapshots) {
      if (!snapshot) continue;
      const c = escapeLabel(cluster);
      for (const g of snapshot.groups) {
        const v = family.value(g, snapshot.asOf);
        if (v !== undefined) lines.push(`${family.name}{cluster="${c}",group="${escapeLabel(g.group)}"} ${v}`);
        if (lines.length >= CHUNK_LINES) yield flush();
      }
    }
  }
  for (const family of QUEUE_FAMILIES) {
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} gauge`);
    for (const { cluster, snapshot } of snapshots) {
      if (!snapshot) continue;
      const c = escapeLabel(cluster);
      for (const g of snapshot.groups) {
        const group = escapeLabel(g.group);
        for (const q of g.queues) {
          const v = family.value(q, snapshot.asOf);
          if (v !== undefined) lines.push(`${family.name}{cluster="${c}",group="${group}",topic="${escapeLabel(q.topic)}",broker="${escapeLabel(q.brokerName)}",queue="${q.queueId}"} ${v}`);
        }
        if (lines.length >= CHUNK_LINES) yield flush();
      }
    }
  }
  if (lines.length > 0) yield flush();
}
