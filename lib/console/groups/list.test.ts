import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedQueues } from '../lag/packed-queues';
import type { GroupSnapshot, LagSnapshot } from '../lag/types';
import { GROUP_SORTS, pageGroups, type GroupQuery } from './list';

const ASOF = 1_795_000_000_000;
const group = (name: string, lag: number, clients: number, age: number | undefined): GroupSnapshot => ({
  group: name, brokers: ['broker-a'], system: name.startsWith('CID_RMQ_SYS'), orderly: false, clients, lag, consumeTps: lag % 7, topics: [],
  oldestUnconsumedTimestamp: age === undefined ? undefined : ASOF - age, queues: PackedQueues.pack([]),
});
const snapshotOf = (groups: GroupSnapshot[]): LagSnapshot => ({ asOf: ASOF, durationMs: 1, groups, failures: [], timings: { configsMs: 0, statsMs: 0, connectionsMs: 0, agesMs: 0 }, configs: new Map() });

/** The order the list promises, written out plainly: the key in the direction asked, ties by name A to Z. */
function expected(groups: GroupSnapshot[], q: GroupQuery): string[] {
  const key = (g: GroupSnapshot) => ({ name: 0, lag: g.lag, lagAge: g.oldestUnconsumedTimestamp === undefined ? 0 : ASOF - g.oldestUnconsumedTimestamp, tps: g.consumeTps, clients: g.clients })[q.sort];
  const needle = q.search?.toLowerCase();
  return groups
    .filter((g) => (!needle || g.group.toLowerCase().includes(needle)) && (!q.hideSystem || !g.system))
    .sort((a, b) => {
      const byName = a.group < b.group ? -1 : a.group > b.group ? 1 : 0;
      return q.sort === 'name' ? (q.desc ? -byName : byName) : (q.desc ? key(b) - key(a) : key(a) - key(b)) || byName;
    })
    .map((g) => g.group);
}

describe('pageGroups', () => {
  const arbGroups = fc.uniqueArray(
    fc.record({ name: fc.stringMatching(/^(CID_RMQ_SYS_)?[a-c]{1,4}$/), lag: fc.nat(50), clients: fc.nat(3), age: fc.option(fc.nat(10_000), { nil: undefined }) }),
    { selector: (g) => g.name, maxLength: 40 },
  );
  const arbQuery = fc.record({ sort: fc.constantFrom(...GROUP_SORTS), desc: fc.boolean(), hideSystem: fc.boolean(), search: fc.option(fc.constantFrom('a', 'B', 'ab', 'sys'), { nil: undefined }), page: fc.integer({ min: 1, max: 3 }), pageSize: fc.integer({ min: 1, max: 20 }) });

  it('pages every sort, search and filter as a fresh sort would, however many queries share one snapshot', () => {
    fc.assert(
      fc.property(arbGroups, fc.array(arbQuery, { minLength: 1, maxLength: 6 }), (specs, queries) => {
        const groups = specs.map((s) => group(s.name, s.lag, s.clients, s.age));
        const snapshot = snapshotOf(groups);
        for (const q of queries) {
          const all = expected(groups, q);
          const page = pageGroups(snapshot, q, false);
          expect(page.total).toBe(all.length);
          expect(page.items.map((g) => g.group)).toEqual(all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize));
        }
        // the snapshot's own order is left as built (by name)
        expect(snapshot.groups.map((g) => g.group)).toEqual(specs.map((s) => s.name));
      }),
      { numRuns: 300 },
    );
  });
});
