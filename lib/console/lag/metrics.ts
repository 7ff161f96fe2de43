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

/** A metric family: per group, the labels after cluster and group of each sample and its value. */
interface Family {
  name: string;
  help: string;
  /** Per-queue families are written only for the groups chosen (the top N by lag). */
  perQueue?: boolean;
  /** A value of undefined writes no sample (an unknown value is left out, never written as 0). */
  samples: (g: GroupSnapshot, asOf: number) => Iterable<{ labels: string; value: number | undefined }>;
}

type Value<T> = (item: T, asOf: number) => number | undefined;

const perGroup = (name: string, help: string, value: Value<GroupSnapshot>): Family => ({ name, help, samples: (g, asOf) => [{ labels: '', value: value(g, asOf) }] });

const perQueue = (name: string, help: string, value: Value<QueueLag>): Family => ({
  name,
  help,
  perQueue: true,
  *samples(g, asOf) {
    for (const q of g.queues) yield { labels: `,topic="${escapeLabel(q.topic)}",broker="${escapeLabel(q.brokerName)}",queue="${q.queueId}"`, value: value(q, asOf) };
  },
});

const FAMILIES: Family[] = [
  perGroup('rocketmq_consumer_group_lag', "Messages behind, summed over the group's queues", (g) => g.lag),
  // no lag: nothing waits (0); lag whose age is unknown: no sample rather than a made-up 0
  perGroup('rocketmq_consumer_group_lag_age_seconds', "Age of the group's oldest unconsumed message", (g, asOf) =>
    g.oldestUnconsumedTimestamp !== undefined ? (asOf - g.oldestUnconsumedTimestamp) / 1000 : g.lag === 0 ? 0 : undefined,
  ),
  perGroup('rocketmq_consumer_group_clients', 'Online clients of the group', (g) => g.clients),
  perGroup('rocketmq_consumer_group_consume_tps', 'Consume TPS the brokers report for the group', (g) => g.consumeTps),
  perQueue('rocketmq_consumer_lag', 'Messages behind per queue (broker offset - consumer offset), from the latest lag snapshot', (q) => q.lag),
  perQueue('rocketmq_consumer_lag_age_seconds', 'Age of the oldest unconsumed message per queue', (q, asOf) => (q.oldestUnconsumedTimestamp === undefined ? undefined : (asOf - q.oldestUnconsumedTimestamp) / 1000)),
];

/** Lines per chunk: the scrape yields to other work between chunks. */
export const CHUNK_LINES = 2000;

/** The `limit` groups with the most lag (ties by name): whose per-queue series are written. */
export function topLagGroups(snapshot: LagSnapshot, limit: number): Set<GroupSnapshot> {
  if (limit >= snapshot.groups.length) return new Set(snapshot.groups);
  if (limit <= 0) return new Set();
  // the snapshot's groups are in name order already; a stable sort keeps ties that way
  return new Set([...snapshot.groups].sort((a, b) => b.lag - a.lag).slice(0, limit));
}

/**
 * Every group's lag, and the per-queue lag of the `queueGroups` groups with the most lag, as Prometheus text, one
 * family after another, in chunks of at most CHUNK_LINES lines. 10,000 groups of 24 queues made ~280,000 series
 * (60 MB) with every queue: rendered whole, one scrape held the event loop for seconds and 60 MB at once, and
 * prom-client keeps an object per label set on top. Written straight from the snapshots instead, and streamed.
 */
export function* lagExposition(snapshots: ReturnType<LagSnapshots>, queueGroups = Number.POSITIVE_INFINITY): Generator<string> {
  const chosen = new Map(snapshots.map(({ snapshot }) => [snapshot, snapshot && queueGroups < snapshot.groups.length ? topLagGroups(snapshot, queueGroups) : undefined]));
  let lines: string[] = [];
  const flush = () => {
    const chunk = `${lines.join('\n')}\n`;
    lines = [];
    return chunk;
  };
  for (const family of FAMILIES) {
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} gauge`);
    for (const { cluster, snapshot } of snapshots) {
      if (!snapshot) continue;
      const c = escapeLabel(cluster);
      const only = family.perQueue ? chosen.get(snapshot) : undefined;
      for (const g of snapshot.groups) {
        if (only && !only.has(g)) continue;
        const group = escapeLabel(g.group);
        for (const { labels, value } of family.samples(g, snapshot.asOf)) {
          if (value !== undefined) lines.push(`${family.name}{cluster="${c}",group="${group}"${labels}} ${value}`);
        }
        // a group's samples stay in one chunk
        if (lines.length >= CHUNK_LINES) yield flush();
      }
    }
  }
  if (lines.length > 0) yield flush();
}
