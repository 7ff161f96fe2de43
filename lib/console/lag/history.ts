import type { GroupLagRow, QueueLagRow, Store } from '../store';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { Fnv1a } from '../core/fnv';
import { queueKey } from '../core/routes';
import type { LagSettings } from '../core/config';
import type { Logger } from '../core/log';
import type { GroupSnapshot, LagSnapshot } from './types';

export type HistoryOptions = Pick<LagSettings, 'sampleIntervalMs' | 'heartbeatMs' | 'rawForMs' | 'bucketMs' | 'retentionMs' | 'compactEveryMs'>;

/** What was last written for one group: its total, and a fingerprint of its per-queue lags. */
interface Written {
  lag: number;
  t: number;
  /** Fingerprint of (topic, brokerName, queueId, lag) over the group's queues in MessageQueue order. */
  queuesHash: number;
  queuesT: number;
}

/**
 * Writes the lag of every group (and of each of its queues) from the snapshots into the store. To keep 10,000
 * groups affordable, a point is written when the value changed or the heartbeat is due; charts draw steps, so an
 * unwritten sample equals the previous point. Old points are folded into buckets and dropped after the retention.
 *
 * Per queue it remembers only a fingerprint per group, not each queue's last value (at 10,000 groups of 24 queues
 * that map alone held 30 MB): when any queue of a group moved, every queue of the group is written.
 */
export class LagHistorySampler {
  private lastSampleAt = 0;
  private lastCompactAt = 0;
  private readonly written = new Map<string, Written>();
  private resumed: Promise<void> | undefined;

  constructor(
    private readonly store: () => Promise<Store>,
    private readonly cluster: string,
    private readonly options: HistoryOptions,
    private readonly log: Logger,
  ) {}

  /** What was last written, read once from the store so a restart does not rewrite every group. */
  private resume(): Promise<void> {
    this.resumed ??= (async () => {
      const latest = await (await this.store()).lag.latest(this.cluster);
      const queuesByGroup = new Map<string, QueueLagRow[]>();
      for (const q of latest.queues) {
        const list = queuesByGroup.get(q.group);
        if (list) list.push(q);
        else queuesByGroup.set(q.group, [q]);
      }
      for (const g of latest.groups) {
        const queues = (queuesByGroup.get(g.group) ?? []).sort(compareMessageQueues);
        const queuesT = queues.length > 0 ? Math.min(...queues.map((q) => q.t)) : g.t;
        this.written.set(g.group, { lag: g.lag, t: g.t, queuesHash: queuesHash(queues), queuesT });
      }
    })();
    return this.resumed;
  }

  async onSnapshot(snapshot: LagSnapshot): Promise<{ groups: number; queues: number } | undefined> {
    if (snapshot.asOf - this.lastSampleAt < this.options.sampleIntervalMs) return undefined;
    await this.resume();
    this.lastSampleAt = snapshot.asOf;
    const t = snapshot.asOf;
    const stale = (at: number) => t - at >= this.options.heartbeatMs;
    const groups: GroupLagRow[] = [];
    // groups whose queue rows are due: the rows are made batch by batch as the store writes them (at 50,000 groups
    // a first round is 1,250,000 rows, which held about 120 MB as objects made all at once)
    const queuesOf: GroupSnapshot[] = [];
    let queueRows = 0;
    for (const g of snapshot.groups) {
      // a group whose broker failed in this snapshot has a partial total: do not chart it as a drop
      if (g.failures?.length) continue;
      const last = this.written.get(g.group);
      const next: Written = last ? { ...last } : { lag: Number.NaN, t: 0, queuesHash: Number.NaN, queuesT: 0 };
      if (!last || last.lag !== g.lag || stale(last.t)) {
        groups.push({ cluster: this.cluster, group: g.group, t, lag: g.lag, oldestAgeMs: g.oldestUnconsumedTimestamp === undefined ? null : t - g.oldestUnconsumedTimestamp, resolutionMs: 0 });
        next.lag = g.lag;
        next.t = t;
      }
      const hash = queuesHash(g.queues);
      if (!last || last.queuesHash !== hash || stale(last.queuesT)) {
        queuesOf.push(g);
        queueRows += g.queues.length;
        next.queuesHash = hash;
        next.queuesT = t;
      }
      this.written.set(g.group, next);
    }
    const store = await this.store();
    if (groups.length > 0 || queueRows > 0) await store.lag.insert(groups, queueRowsOf(this.cluster, queuesOf, t));
    if (t - this.lastCompactAt >= this.options.compactEveryMs) {
      this.lastCompactAt = t;
      const { rawForMs, bucketMs, retentionMs } = this.options;
      const result = await store.lag.compact(t, { rawForMs, bucketMs, retentionMs });
      if (result.downsampled > 0 || result.deleted > 0) this.log.info(result, 'lag history compacted');
    }
    return { groups: groups.length, queues: queueRows };
  }
}

function* queueRowsOf(cluster: string, groups: GroupSnapshot[], t: number): Generator<QueueLagRow> {
  for (const g of groups) {
    for (const q of g.queues) yield { cluster, group: g.group, topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, t, lag: q.lag, resolutionMs: 0 };
  }
}

/** 32-bit FNV-1a over each queue's identity and lag, in the order given (the snapshot's MessageQueue order). */
function queuesHash(queues: Iterable<{ topic: string; brokerName: string; queueId: number; lag: number }>): number {
  const hash = new Fnv1a();
  for (const q of queues) hash.text(q.topic).text(q.brokerName).text(String(q.queueId)).text(String(q.lag));
  return hash.value;
}

export const LAG_RANGES = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000, '7d': 7 * 86_400_000 } as const;
export type LagRange = keyof typeof LAG_RANGES;

export interface LagSeries {
  group: string;
  range: LagRange;
  from: number;
  to: number;
  /** Step points: each value holds until the next point. */
  points: Array<{ t: number; lag: number; oldestAgeMs: number | null }>;
  queues: Array<{ topic: string; brokerName: string; queueId: number; points: Array<{ t: number; lag: number }> }>;
}

/** The group's lag over a range, total and per queue, as the sampler wrote it (the point before the range included). */
export async function readLagHistory(store: Store, cluster: string, group: string, range: LagRange, now = Date.now()): Promise<LagSeries> {
  const from = now - LAG_RANGES[range];
  const [groupRows, queueRows] = await Promise.all([store.lag.groupSeries(cluster, group, from, now), store.lag.queueSeries(cluster, group, from, now)]);
  const queues = new Map<string, LagSeries['queues'][number]>();
  for (const r of queueRows) {
    const key = queueKey(r);
    const entry = queues.get(key) ?? { topic: r.topic, brokerName: r.brokerName, queueId: r.queueId, points: [] };
    entry.points.push({ t: r.t, lag: r.lag });
    queues.set(key, entry);
  }
  return {
    group,
    range,
    from,
    to: now,
    points: groupRows.map((r) => ({ t: r.t, lag: r.lag, oldestAgeMs: r.oldestAgeMs })),
    queues: [...queues.values()],
  };
}
