import { afterEach, describe, expect, it } from 'vitest';
import type { MessageQueue } from '../../rocketmq/message-queue';
import type { ClusterContext } from '../context';
import { createLog } from '../core/log';
import type { LagSnapshot } from '../lag/types';
import { openStore, type Store } from '../store';
import type { GroupSample } from './diff';
import { RebalanceSampler } from './sampler';

const q = (queueId: number): MessageQueue => ({ topic: 'T', brokerName: 'broker-a', queueId });
const OPTIONS = { intervalMs: 60_000, maxGroups: 2, concurrency: 2, retentionMs: 7 * 86_400_000, compactEveryMs: 3_600_000 };
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** A sampler over a fake snapshot listing `online` groups, reading samples from `samples` (a group missing: not read). */
function sampler(store: Store, online: string[], samples: Map<string, GroupSample>) {
  const snapshot = { asOf: 0, groups: online.map((group) => ({ group, clients: 1, system: false })) } as unknown as LagSnapshot;
  const ctx = { name: 'c', lag: { peek: () => snapshot }, store: async () => store, log: createLog('silent') } as unknown as ClusterContext;
  const read = async (_: unknown, group: string) => samples.get(group);
  return new RebalanceSampler(ctx, OPTIONS, read);
}
const held = (h: Record<string, MessageQueue[]>): GroupSample => ({ clients: Object.keys(h), held: new Map(Object.entries(h)) });

describe('RebalanceSampler', () => {
  it('records nothing at the first sample, the change at the next; a restarted sampler resumes from the stored baseline', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    stores.push(store);
    const samples = new Map([['g', held({ A: [q(0), q(1)] })]]);
    const first = sampler(store, ['g'], samples);
    expect(await first.round(1000)).toEqual({ groups: 1, events: 0 });
    samples.set('g', held({ A: [q(0)], B: [q(1)] }));
    expect(await first.round(2000)).toEqual({ groups: 1, events: 2 });
    const seen = await store.rebalance.events('c', 'g', 0, 10_000, 100);
    expect(seen.rows.map((r) => [r.t, r.sinceT, r.kind, r.fromClientId, r.clientId, r.queueId])).toEqual([
      [2000, 1000, 'joined', null, 'B', null],
      [2000, 1000, 'moved', 'A', 'B', 1],
    ]);

    // a new process (the first one's lease run out): B left while nobody looked; not everyone "joined"
    first.stop();
    samples.set('g', held({ A: [q(0), q(1)] }));
    const restarted = sampler(store, ['g'], samples);
    expect(await restarted.round(2000 + 4 * 60_000)).toEqual({ groups: 1, events: 2 });
    const after = (await store.rebalance.events('c', 'g', 3000, Number.MAX_SAFE_INTEGER, 100)).rows;
    expect(after.map((r) => [r.sinceT, r.kind, r.fromClientId, r.clientId])).toEqual([
      [null, 'left', null, 'B'],
      [null, 'moved', 'B', 'A'],
    ]);
  });

  it('a group that could not be read waits (nothing recorded); more groups than maxGroups are read round-robin', async () => {
    const store = await openStore({ sqlitePath: ':memory:' });
    stores.push(store);
    const samples = new Map<string, GroupSample>();
    const s = sampler(store, ['g1', 'g2', 'g3'], samples);
    expect(await s.round(1000)).toEqual({ groups: 2, events: 0 });
    expect(await store.rebalance.baselines('c')).toEqual([]);
    for (const g of ['g1', 'g2', 'g3']) samples.set(g, held({ A: [q(0)] }));
    await s.round(2000); // g3, g1
    await s.round(3000); // g2, g3
    expect((await store.rebalance.baselines('c')).map((b) => [b.group, b.t]).sort()).toEqual([
      ['g1', 2000],
      ['g2', 3000],
      ['g3', 2000],
    ]);
  });
});
