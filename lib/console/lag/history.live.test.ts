import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIVE } from '../../../test-support/sandbox';
import { openStore, type Store } from '../store';
import { liveConsole } from '../../../test-support/live-console';
import { LagHistorySampler, readLagHistory, type HistoryOptions } from './history';

const OPTIONS: HistoryOptions = { sampleIntervalMs: 1, heartbeatMs: 60_000, rawForMs: 86_400_000, bucketMs: 300_000, retentionMs: 7 * 86_400_000, compactEveryMs: 3_600_000 };

describe(`lag history live (${LIVE.version})`, () => {
  const { ctx } = liveConsole();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lag-history-')), 'console.db');
  const stores: Store[] = [];
  const open = async () => {
    const store = await openStore({ sqlitePath: file });
    stores.push(store);
    return store;
  };
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('writes each group\'s and queue\'s lag from real snapshots, only when it changed, and survives a restart', async () => {
    const service = ctx.lag;
    const store = await open();
    const sampler = new LagHistorySampler(async () => store, 'test', OPTIONS, ctx.log);
    const first = await service.refresh();
    const written = await sampler.onSnapshot(first);
    expect(written!.groups).toBe(first.groups.length);
    const series = await readLagHistory(store, 'test', 'lab_cg_cluster', '1h');
    const cluster = first.groups.find((g) => g.group === 'lab_cg_cluster')!;
    expect(series.points).toEqual([{ t: first.asOf, lag: cluster.lag, oldestAgeMs: first.asOf - cluster.oldestUnconsumedTimestamp! }]);
    expect(series.queues.map((q) => q.points[0]!.lag)).toEqual(cluster.queues.toArray().map((q) => q.lag));

    // nothing moved: the next snapshot writes nothing
    const second = await service.refresh();
    expect(await sampler.onSnapshot(second)).toEqual({ groups: 0, queues: 0 });

    // a new process reads what was written and does not write it again
    await store.close();
    const reopened = await open();
    const restarted = new LagHistorySampler(async () => reopened, 'test', OPTIONS, ctx.log);
    const third = await service.refresh();
    expect(await restarted.onSnapshot(third)).toEqual({ groups: 0, queues: 0 });
    expect((await readLagHistory(reopened, 'test', 'lab_cg_cluster', '24h')).points).toHaveLength(1);
  });
});
