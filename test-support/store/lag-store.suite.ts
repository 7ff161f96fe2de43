import { describe, expect, it } from 'vitest';
import type { GroupLagRow, QueueLagRow, Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// The lag store's behaviour, run against every dialect: lag-store.test.ts (SQLite file) and
// lag-store.pg.test.ts (a real PostgreSQL). Each test gets an empty database of its own.

const T0 = Date.UTC(2026, 0, 1); // a whole minute, so buckets below start at T0 + n minutes
const SEC = 1000;
const MIN = 60 * SEC;

export function describeLagStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`lag store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);
    async function freshStore(): Promise<Store> {
      return (await fresh()).open();
    }

    it('opens as the expected dialect', async () => {
      expect((await freshStore()).kind).toBe(kind);
    });

    it('runs migrations once: a second open of the same database keeps its rows', async () => {
      const { open } = await fresh();
      const first = await open();
      await first.lag.insert([group('c', 'g', T0, 5)], [queue('c', 'g', 'T', 'b', 0, T0, 5)]);
      await first.close();
      const second = await open();
      const third = await open(); // while the second is open, as another process would
      expect(await second.lag.groupSeries('c', 'g', T0, T0)).toEqual([group('c', 'g', T0, 5)]);
      expect(await third.lag.queueSeries('c', 'g', T0, T0)).toEqual([queue('c', 'g', 'T', 'b', 0, T0, 5)]);
    });

    if (kind === 'postgres') {
      it('migrates once when several processes open an empty database at the same time', async () => {
        const { open } = await fresh();
        const stores = await Promise.all([open(), open(), open()]);
        await stores[0]!.lag.insert([group('c', 'g', T0, 1)], []);
        expect(await stores[2]!.lag.groupSeries('c', 'g', T0, T0)).toHaveLength(1);
      });
    }

    it('groupSeries: rows in [from, to] by t, plus the last row before from, of that group only', async () => {
      const store = await freshStore();
      const rows = [4, 1, 3, 2, 5].map((n) => group('c', 'g', T0 + n * SEC, n * 10, n % 2 ? n * 100 : null));
      await store.lag.insert(rows, []);
      await store.lag.insert([group('c', 'other', T0 + 3 * SEC, 1), group('c2', 'g', T0 + 3 * SEC, 1)], []);

      const series = await store.lag.groupSeries('c', 'g', T0 + 2.5 * SEC, T0 + 4 * SEC);
      expect(series.map((r) => r.t)).toEqual([T0 + 2 * SEC, T0 + 3 * SEC, T0 + 4 * SEC]);
      expect(series[0]).toEqual(group('c', 'g', T0 + 2 * SEC, 20, null));
      expect(series[1]).toEqual(group('c', 'g', T0 + 3 * SEC, 30, 300));
      // from on a row: that row is in range, the one before still leads
      expect((await store.lag.groupSeries('c', 'g', T0 + 3 * SEC, T0 + 3 * SEC)).map((r) => r.t)).toEqual([T0 + 2 * SEC, T0 + 3 * SEC]);
      // nothing before from: the range alone
      expect((await store.lag.groupSeries('c', 'g', T0, T0 + 1 * SEC)).map((r) => r.t)).toEqual([T0 + SEC]);
      // a range after the last row still yields the value that holds there
      expect((await store.lag.groupSeries('c', 'g', T0 + MIN, T0 + 2 * MIN)).map((r) => r.lag)).toEqual([50]);
      expect(await store.lag.groupSeries('c', 'missing', T0, T0 + MIN)).toEqual([]);
    });

    it('queueSeries: every queue of the group by topic, brokerName, queueId, t, each with its last row before from', async () => {
      const store = await freshStore();
      const rows = [
        queue('c', 'g', 'TopicB', 'broker-a', 0, T0 + 5 * SEC, 1),
        queue('c', 'g', 'TopicA', 'broker-b', 10, T0 + 1 * SEC, 2),
        queue('c', 'g', 'TopicA', 'broker-b', 10, T0 + 6 * SEC, 3),
        queue('c', 'g', 'TopicA', 'broker-b', 2, T0 + 7 * SEC, 4),
        queue('c', 'g', 'TopicA', 'broker-a', 3, T0 + 2 * SEC, 5), // only before from
        queue('c', 'g', 'TopicA', 'broker-a', 3, T0 + 3 * SEC, 6), // the newest of those
        queue('c', 'g', 'TopicB', 'broker-a', 0, T0 + 9 * SEC, 7), // after to
        queue('c', 'other', 'TopicA', 'broker-a', 3, T0 + 5 * SEC, 8),
        queue('c2', 'g', 'TopicA', 'broker-a', 3, T0 + 5 * SEC, 9),
      ];
      await store.lag.insert([], rows);
      const series = await store.lag.queueSeries('c', 'g', T0 + 4 * SEC, T0 + 8 * SEC);
      expect(series.map((r) => [r.topic, r.brokerName, r.queueId, r.t - T0, r.lag])).toEqual([
        ['TopicA', 'broker-a', 3, 3 * SEC, 6],
        ['TopicA', 'broker-b', 2, 7 * SEC, 4],
        ['TopicA', 'broker-b', 10, 1 * SEC, 2],
        ['TopicA', 'broker-b', 10, 6 * SEC, 3],
        ['TopicB', 'broker-a', 0, 5 * SEC, 1],
      ]);
      expect(series[0]).toEqual(queue('c', 'g', 'TopicA', 'broker-a', 3, T0 + 3 * SEC, 6));
    });

    it('latest: the newest row of every group and every queue of one cluster', async () => {
      const store = await freshStore();
      await store.lag.insert(
        [group('c', 'g1', T0, 1), group('c', 'g1', T0 + SEC, 2, 50), group('c', 'g2', T0, 3), group('other', 'g1', T0 + MIN, 9)],
        [
          queue('c', 'g1', 'T', 'b', 0, T0, 1),
          queue('c', 'g1', 'T', 'b', 0, T0 + SEC, 2),
          queue('c', 'g1', 'T', 'b', 1, T0, 3),
          queue('c', 'g2', 'T', 'b', 0, T0 + 2 * SEC, 4),
          queue('other', 'g1', 'T', 'b', 0, T0 + MIN, 9),
        ],
      );
      const { groups, queues } = await store.lag.latest('c');
      expect(sortBy(groups, (r) => r.group)).toEqual([group('c', 'g1', T0 + SEC, 2, 50), group('c', 'g2', T0, 3)]);
      expect(sortBy(queues, (r) => `${r.group}/${r.queueId}`)).toEqual([
        queue('c', 'g1', 'T', 'b', 0, T0 + SEC, 2),
        queue('c', 'g1', 'T', 'b', 1, T0, 3),
        queue('c', 'g2', 'T', 'b', 0, T0 + 2 * SEC, 4),
      ]);
      expect(await store.lag.latest('none')).toEqual({ groups: [], queues: [] });
    });

    it('gives numbers back as JS numbers, exactly, including BIGINT-sized ones', async () => {
      const store = await freshStore();
      const t = 1_767_225_600_123;
      const big = 2 ** 40 + 7;
      await store.lag.insert(
        [{ cluster: 'c', group: 'g', t, lag: big, oldestAgeMs: 86_400_000 * 400, resolutionMs: 0 }],
        [{ cluster: 'c', group: 'g', topic: 'T', brokerName: 'b', queueId: 15, t, lag: big, resolutionMs: 0 }],
      );
      const { groups, queues } = await store.lag.latest('c');
      const [g] = await store.lag.groupSeries('c', 'g', t, t);
      const [q] = await store.lag.queueSeries('c', 'g', t, t);
      for (const row of [groups[0], g]) {
        expect(row).toEqual({ cluster: 'c', group: 'g', t, lag: big, oldestAgeMs: 86_400_000 * 400, resolutionMs: 0 });
        for (const k of ['t', 'lag', 'oldestAgeMs', 'resolutionMs'] as const) expect(typeof row![k]).toBe('number');
      }
      for (const row of [queues[0], q]) {
        expect(row).toEqual({ cluster: 'c', group: 'g', topic: 'T', brokerName: 'b', queueId: 15, t, lag: big, resolutionMs: 0 });
        for (const k of ['t', 'lag', 'queueId', 'resolutionMs'] as const) expect(typeof row![k]).toBe('number');
      }
    });

    it('insert: a retried sample (same key and t) is harmless, an empty one is a no-op', async () => {
      const store = await freshStore();
      const sample = { groups: [group('c', 'g', T0, 5)], queues: [queue('c', 'g', 'T', 'b', 0, T0, 5)] };
      await store.lag.insert(sample.groups, sample.queues);
      await store.lag.insert(sample.groups, sample.queues);
      await store.lag.insert([], []);
      expect(await store.lag.groupSeries('c', 'g', T0, T0)).toHaveLength(1);
      expect(await store.lag.queueSeries('c', 'g', T0, T0)).toHaveLength(1);
    });

    it('compact: raw rows older than the cutoff become one row per key and bucket, with max lag and max age', async () => {
      const store = await freshStore();
      // one raw sample every 10 s for 10 minutes; the first sits exactly on a bucket boundary
      const lagAt = (i: number) => (i * 37) % 101;
      const ageAt = (i: number) => (i % 6 === 5 || i < 6 ? null : ((i * 53) % 97) * SEC); // bucket 0: all unknown
      const times = Array.from({ length: 60 }, (_, i) => T0 + i * 10 * SEC);
      await store.lag.insert(
        times.map((t, i) => group('c', 'g', t, lagAt(i), ageAt(i))),
        times.flatMap((t, i) => [queue('c', 'g', 'T', 'b', 0, t, lagAt(i)), queue('c', 'g', 'T', 'b', 1, t, lagAt(i) + 1)]),
      );
      // now - rawForMs = T0 + 5.5 min, rounded down to the bucket: samples before T0 + 5 min (30 of each) are folded
      const now = T0 + 10.5 * MIN;
      const options = { rawForMs: 5 * MIN, bucketMs: MIN, retentionMs: 60 * MIN };
      expect(await store.lag.compact(now, options)).toEqual({ downsampled: 30 * 3, deleted: 0 });

      const expected: GroupLagRow[] = [];
      for (let b = 0; b < 5; b++) {
        const slice = Array.from({ length: 6 }, (_, k) => 6 * b + k);
        const ages = slice.map(ageAt).filter((a): a is number => a !== null);
        expected.push(group('c', 'g', T0 + b * MIN, Math.max(...slice.map(lagAt)), ages.length ? Math.max(...ages) : null, MIN));
      }
      for (let i = 30; i < 60; i++) expected.push(group('c', 'g', times[i]!, lagAt(i), ageAt(i)));
      const series = await store.lag.groupSeries('c', 'g', T0, now);
      expect(series).toEqual(expected);
      expect(series[0]!.oldestAgeMs).toBeNull();

      const queues = await store.lag.queueSeries('c', 'g', T0, now);
      expect(queues).toHaveLength(2 * 35);
      expect(queues.filter((r) => r.queueId === 1 && r.resolutionMs === MIN).map((r) => r.lag)).toEqual(
        expected.slice(0, 5).map((r) => r.lag + 1),
      );

      // idempotent: again, or a little later within the same bucket, changes nothing
      expect(await store.lag.compact(now, options)).toEqual({ downsampled: 0, deleted: 0 });
      expect(await store.lag.compact(now + 20 * SEC, options)).toEqual({ downsampled: 0, deleted: 0 });
      expect(await store.lag.groupSeries('c', 'g', T0, now)).toEqual(expected);

      // a late raw sample inside an already summarised bucket joins that bucket's row on the next run
      await store.lag.insert([group('c', 'g', T0 + MIN + 25 * SEC, 1000, 999 * SEC)], [queue('c', 'g', 'T', 'b', 0, T0 + MIN + 25 * SEC, 1000)]);
      expect(await store.lag.compact(now, options)).toEqual({ downsampled: 2, deleted: 0 });
      const bucket1 = await store.lag.groupSeries('c', 'g', T0 + MIN, T0 + MIN + 59 * SEC);
      expect(bucket1.filter((r) => r.t >= T0 + MIN)).toEqual([group('c', 'g', T0 + MIN, 1000, 999 * SEC, MIN)]);
      const q0 = (await store.lag.queueSeries('c', 'g', T0 + MIN, T0 + MIN)).filter((r) => r.queueId === 0 && r.t >= T0 + MIN);
      expect(q0).toEqual([queue('c', 'g', 'T', 'b', 0, T0 + MIN, 1000, MIN)]);
    });

    it('compact: rows older than the retention are deleted, whatever their resolution', async () => {
      const store = await freshStore();
      const times = Array.from({ length: 10 }, (_, i) => T0 + i * MIN);
      await store.lag.insert(
        times.map((t, i) => group('c', 'g', t, i, null, i < 3 ? MIN : 0)),
        times.map((t, i) => queue('c', 'g', 'T', 'b', 0, t, i, i < 3 ? MIN : 0)),
      );
      const options = { rawForMs: 5 * MIN, bucketMs: MIN, retentionMs: 5 * MIN };
      expect(await store.lag.compact(T0 + 10 * MIN, options)).toEqual({ downsampled: 0, deleted: 5 + 5 });
      expect(await store.lag.compact(T0 + 10 * MIN, options)).toEqual({ downsampled: 0, deleted: 0 });
      expect((await store.lag.groupSeries('c', 'g', 0, T0 + 10 * MIN)).map((r) => r.lag)).toEqual([5, 6, 7, 8, 9]);
      expect((await store.lag.queueSeries('c', 'g', 0, T0 + 10 * MIN)).map((r) => r.lag)).toEqual([5, 6, 7, 8, 9]);
    });

    it('compact: refuses widths that are not positive whole milliseconds', async () => {
      const store = await freshStore();
      await expect(store.lag.compact(T0, { rawForMs: MIN, bucketMs: 0, retentionMs: MIN })).rejects.toThrow(/bucketMs/);
      await expect(store.lag.compact(T0, { rawForMs: 1.5, bucketMs: MIN, retentionMs: MIN })).rejects.toThrow(/rawForMs/);
    });

    it('inserts a sample of 10,000 group rows and 100,000 queue rows', { timeout: 180_000 }, async () => {
      const store = await freshStore();
      const groups: GroupLagRow[] = [];
      const queues: QueueLagRow[] = [];
      for (let g = 0; g < 10_000; g++) {
        const name = `group-${String(g).padStart(5, '0')}`;
        groups.push(group('big', name, T0, g, g % 3 ? g * SEC : null));
        for (let q = 0; q < 10; q++) queues.push(queue('big', name, `topic-${g % 50}`, `broker-${q % 2 ? 'a' : 'b'}`, q, T0, g + q));
      }
      const started = performance.now();
      await store.lag.insert(groups, queues);
      const insertMs = performance.now() - started;
      const { groups: lastGroups, queues: lastQueues } = await store.lag.latest('big');
      console.log(`[${kind}] insert of 10,000 group + 100,000 queue rows: ${insertMs.toFixed(0)} ms; latest(): ${(performance.now() - started - insertMs).toFixed(0)} ms`);
      expect(lastGroups).toHaveLength(10_000);
      expect(lastQueues).toHaveLength(100_000);
      expect(await store.lag.queueSeries('big', 'group-04321', T0, T0)).toHaveLength(10);
      expect(await store.lag.groupSeries('big', 'group-04321', T0, T0)).toEqual([group('big', 'group-04321', T0, 4321, 4321 * SEC)]);
    });
  });
}

function group(cluster: string, name: string, t: number, lag: number, oldestAgeMs: number | null = null, resolutionMs = 0): GroupLagRow {
  return { cluster, group: name, t, lag, oldestAgeMs, resolutionMs };
}

function queue(cluster: string, name: string, topic: string, brokerName: string, queueId: number, t: number, lag: number, resolutionMs = 0): QueueLagRow {
  return { cluster, group: name, topic, brokerName, queueId, t, lag, resolutionMs };
}

function sortBy<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
