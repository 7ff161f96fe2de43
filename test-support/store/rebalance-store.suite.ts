import { describe, expect, it } from 'vitest';
import type { RebalanceEventRow, Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// The rebalance store on every dialect: rebalance-store.test.ts (SQLite file) and rebalance-store.pg.test.ts.

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;

function joined(group: string, t: number, seq: number, clientId: string, cluster = 'c'): RebalanceEventRow {
  return { cluster, group, t, seq, sinceT: t - MIN, kind: 'joined', clientId, fromClientId: null, topic: null, brokerName: null, queueId: null };
}
function moved(group: string, t: number, seq: number, queueId: number, from: string | null, to: string | null): RebalanceEventRow {
  return { cluster: 'c', group, t, seq, sinceT: null, kind: 'moved', clientId: to, fromClientId: from, topic: 'T', brokerName: 'broker-a', queueId };
}
const base = (group: string, t: number, clients: number, cluster = 'c') => ({ cluster, group, t, clients, body: JSON.stringify({ t, clients: [], queues: [] }) });

export function describeRebalanceStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`rebalance store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);

    it('records a sample\'s events with the baseline; reads them oldest first, of that group and range only; a retried write is harmless', async () => {
      const store = await (await fresh()).open();
      const first = [joined('g', T0, 0, 'B'), moved('g', T0, 1, 0, 'A', 'B'), moved('g', T0, 2, 1, 'A', null)];
      await store.rebalance.record(first, base('g', T0, 2));
      await store.rebalance.record(first, base('g', T0, 2));
      await store.rebalance.record([joined('g', T0 + MIN, 0, 'C')], base('g', T0 + MIN, 3));
      await store.rebalance.record([joined('other', T0, 0, 'X')], base('other', T0, 1));
      await store.rebalance.record([joined('g', T0, 0, 'Y', 'c2')], base('g', T0, 1, 'c2'));

      const all = await store.rebalance.events('c', 'g', T0, T0 + MIN, 100);
      expect(all).toEqual({ truncated: false, rows: [...first, joined('g', T0 + MIN, 0, 'C')] });
      expect((await store.rebalance.events('c', 'g', T0 + 1, T0 + MIN, 100)).rows).toEqual([joined('g', T0 + MIN, 0, 'C')]);
      // over the limit: the newest kept, still oldest first
      expect(await store.rebalance.events('c', 'g', T0, T0 + MIN, 2)).toEqual({ truncated: true, rows: [moved('g', T0, 2, 1, 'A', null), joined('g', T0 + MIN, 0, 'C')] });
    });

    it('keeps one baseline per group, the newest, across reopening', async () => {
      const { open } = await fresh();
      const store = await open();
      await store.rebalance.record([], base('g', T0, 1));
      await store.rebalance.record([], base('g', T0 + MIN, 2));
      await store.rebalance.record([], base('h', T0, 1));
      const again = await open();
      const rows = (await again.rebalance.baselines('c')).sort((a, b) => a.group.localeCompare(b.group));
      expect(rows).toEqual([base('g', T0 + MIN, 2), base('h', T0, 1)]);
      expect(await again.rebalance.baselines('other')).toEqual([]);
    });

    it('purge: events before the cutoff, and baselines of groups offline since before it; an online group keeps its old baseline', async () => {
      const store = await (await fresh()).open();
      await store.rebalance.record([joined('g', T0, 0, 'A')], base('g', T0, 1));
      await store.rebalance.record([joined('g', T0 + 10 * MIN, 0, 'B')], base('g', T0 + 10 * MIN, 2));
      await store.rebalance.record([], base('online', T0, 3));
      await store.rebalance.record([], base('offline', T0, 0));
      expect(await store.rebalance.purge(T0 + 5 * MIN)).toEqual({ deleted: 2 });
      expect((await store.rebalance.events('c', 'g', 0, T0 + 60 * MIN, 100)).rows).toEqual([joined('g', T0 + 10 * MIN, 0, 'B')]);
      expect((await store.rebalance.baselines('c')).map((b) => b.group).sort()).toEqual(['g', 'online']);
      expect(await store.rebalance.purge(T0 + 5 * MIN)).toEqual({ deleted: 0 });
    });
  });
}
