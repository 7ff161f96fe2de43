import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLog } from '../core/log';
import { StoreTimeCache } from './store-times';
import type { SnapshotBuilder } from './builders';
import { SnapshotService } from './service';
import type { LagSnapshot } from './types';

/** Builds that take `buildMs` of (fake) time each, recording when each started. */
function timedBuilder(buildMs: number): SnapshotBuilder & { starts: number[] } {
  const starts: number[] = [];
  return {
    starts,
    storeTimes: new StoreTimeCache(),
    stall: () => undefined,
    close: () => undefined,
    async build(): Promise<LagSnapshot> {
      const asOf = Date.now();
      starts.push(asOf);
      await new Promise((r) => setTimeout(r, buildMs));
      return { asOf, durationMs: buildMs, groups: [], failures: [], timings: { configsMs: 0, statsMs: 0, connectionsMs: 0, agesMs: 0 }, configs: new Map() };
    },
  };
}

describe('SnapshotService schedule', () => {
  afterEach(() => void vi.useRealTimers());

  it('starts the next build an interval after the last build ended, however long its listeners take', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const builder = timedBuilder(100);
    const service = new SnapshotService(builder, { intervalMs: 1000, stuckAfterMs: 60_000 }, createLog('silent'));
    // a history write that takes 700 ms: the pause must include it, not follow it
    service.onSnapshot(() => new Promise((r) => setTimeout(r, 700)));
    service.start();
    await vi.advanceTimersByTimeAsync(5000);
    service.stop();
    const gaps = builder.starts.slice(1).map((t, i) => t - builder.starts[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    // build 100 ms + interval 1,000 ms (the pause stretches only for builds longer than the interval)
    expect(new Set(gaps)).toEqual(new Set([1100]));
  });

  it('stretches the pause to a build longer than the interval', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const builder = timedBuilder(1500);
    const service = new SnapshotService(builder, { intervalMs: 1000, stuckAfterMs: 60_000 }, createLog('silent'));
    service.start();
    await vi.advanceTimersByTimeAsync(10_000);
    service.stop();
    const gaps = builder.starts.slice(1).map((t, i) => t - builder.starts[i]!);
    expect(gaps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(gaps)).toEqual(new Set([1500 + 1500]));
  });
});
