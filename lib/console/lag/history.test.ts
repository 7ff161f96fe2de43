import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLog } from '../core/log';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { PackedQueues } from './packed-queues';
import { LagHistorySampler, readLagHistory, type HistoryOptions } from './history';
import type { GroupSnapshot, LagSnapshot, QueueLag } from './types';

const LOG = createLog('silent');
const OPTIONS: HistoryOptions = { sampleIntervalMs: 1, heartbeatMs: 600_000, rawForMs: 86_400_000, bucketMs: 300_000, retentionMs: 7 * 86_400_000, compactEveryMs: 3_600_000 };

const queue = (queueId: number, lag: number): QueueLag => ({ topic: 'T', brokerName: 'broker-a', queueId, brokerOffset: 100, consumerOffset: 100 - lag, lag, lastTimestamp: 0 });
const group = (lags: number[]): GroupSnapshot => {
  const queues = lags.map((lag, i) => queue(i, lag));
  return { group: 'g', brokers: ['broker-a'], system: false, orderly: false, clients: 0, lag: lags.reduce((a, b) => a + b, 0), consumeTps: 0, topics: ['T'], queues: PackedQueues.pack(queues) };
};
const snapshot = (asOf: number, lags: number[]): LagSnapshot => ({
  asOf, durationMs: 1, groups: [group(lags)], failures: [], timings: { configsMs: 0, statsMs: 0, connectionsMs: 0, agesMs: 0 }, configs: new Map(),
});

describe('lag history sampler', () => {
  it('writes a group when its total moved, its queues when any of them moved, and nothing again after a restart', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lag-sampler-')), 'console.db');
    const store = await openStore({ sqlitePath: file });
    const sampler = new LagHistorySampler(async () => store, 'c', OPTIONS, LOG);
    const t0 = Date.now() - 60_000;
    expect(await sampler.onSnapshot(snapshot(t0, [5, 5]))).toEqual({ groups: 1, queues: 2 });
    expect(await sampler.onSnapshot(snapshot(t0 + 1000, [5, 5]))).toEqual({ groups: 0, queues: 0 });
    // the total stays at 10 while the queues move: the per-queue chart must still see it
    expect(await sampler.onSnapshot(snapshot(t0 + 2000, [7, 3]))).toEqual({ groups: 0, queues: 2 });
    expect(await sampler.onSnapshot(snapshot(t0 + 3000, [8, 3]))).toEqual({ groups: 1, queues: 2 });
    const series = await readLagHistory(store, 'c', 'g', '1h', t0 + 4000);
    expect(series.points.map((p) => p.lag)).toEqual([10, 11]);
    expect(series.queues.map((q) => q.points.map((p) => p.lag))).toEqual([[5, 7, 8], [5, 3, 3]]);
    await store.close();

    const reopened = await openStore({ sqlitePath: file });
    const restarted = new LagHistorySampler(async () => reopened, 'c', OPTIONS, LOG);
    expect(await restarted.onSnapshot(snapshot(t0 + 4000, [8, 3]))).toEqual({ groups: 0, queues: 0 });
    // the heartbeat rewrites an unchanged value, so a chart knows it is current
    expect(await restarted.onSnapshot(snapshot(t0 + 3000 + OPTIONS.heartbeatMs, [8, 3]))).toEqual({ groups: 1, queues: 2 });
    await reopened.close();
  });
});
