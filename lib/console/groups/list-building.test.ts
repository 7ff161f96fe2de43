import { describe, expect, it } from 'vitest';
import type { ClusterContext } from '../context';
import { createLog } from '../core/log';
import type { SnapshotBuilder } from '../lag/builders';
import { SnapshotService } from '../lag/service';
import { StoreTimeCache } from '../lag/store-times';
import type { LagSnapshot, SnapshotProgress } from '../lag/types';
import { listGroups, type GroupQuery } from './list';

/** A first build that reports its progress and finishes when the test says so. */
function slowBuilder() {
  let finish: (s: LagSnapshot) => void = () => undefined;
  const builder: SnapshotBuilder & { progress?: SnapshotProgress } = {
    storeTimes: new StoreTimeCache(),
    stall: () => undefined,
    close: () => undefined,
    build: () =>
      new Promise<LagSnapshot>((resolve) => {
        builder.progress = { phase: 'connections', done: 12_000, total: 50_000, groups: 50_000, startedAt: 1 };
        finish = (s) => {
          builder.progress = undefined;
          resolve(s);
        };
      }),
  };
  return { builder, finish: (s: LagSnapshot) => finish(s) };
}

const query: GroupQuery = { sort: 'lag', desc: true, page: 1, pageSize: 50 };
const group = { group: 'g1', brokers: ['broker-a'], system: false, orderly: false, clients: 0, lag: 3, consumeTps: 0, topics: [] };

describe('listGroups before the first snapshot', () => {
  it('answers with the build progress and no total after a short wait, then with rows once it is built', async () => {
    const { builder, finish } = slowBuilder();
    const lag = new SnapshotService(builder, { intervalMs: 60_000, stuckAfterMs: 60_000 }, createLog('silent'));
    const ctx = { lag } as unknown as ClusterContext;
    const building = await listGroups(ctx, query, 20);
    expect(building).toEqual({ building: { phase: 'connections', done: 12_000, total: 50_000, groups: 50_000, startedAt: 1 }, items: [], page: 1, pageSize: 50, refreshing: true });
    expect(building).not.toHaveProperty('total');
    const { PackedQueues } = await import('../lag/packed-queues');
    finish({ asOf: 5, durationMs: 1, groups: [{ ...group, queues: PackedQueues.pack([]) }], failures: [], timings: { configsMs: 0, statsMs: 0, connectionsMs: 0, agesMs: 0 }, configs: new Map() });
    const page = await listGroups(ctx, query, 20);
    expect(page).toMatchObject({ total: 1, asOf: 5, items: [{ group: 'g1', lag: 3 }] });
    expect(page.building).toBeUndefined();
    lag.stop();
  });

  it('pages the first snapshot as soon as it is built, while its listeners (the history sampler) still run', async () => {
    const { builder, finish } = slowBuilder();
    const lag = new SnapshotService(builder, { intervalMs: 60_000, stuckAfterMs: 60_000 }, createLog('silent'));
    let releaseListener: () => void = () => undefined;
    lag.onSnapshot(() => new Promise<void>((resolve) => (releaseListener = resolve)));
    const ctx = { lag } as unknown as ClusterContext;
    const { PackedQueues } = await import('../lag/packed-queues');
    // a request that came before the snapshot, waiting for it when the build finishes
    const waiting = listGroups(ctx, query, 200);
    await new Promise((r) => setTimeout(r, 20));
    finish({ asOf: 7, durationMs: 1, groups: [{ ...group, queues: PackedQueues.pack([]) }], failures: [], timings: { configsMs: 0, statsMs: 0, connectionsMs: 0, agesMs: 0 }, configs: new Map() });
    const page = await waiting;
    expect(page).toMatchObject({ total: 1, asOf: 7, items: [{ group: 'g1', lag: 3 }] });
    expect(page.building).toBeUndefined();
    releaseListener();
    lag.stop();
  });
});
