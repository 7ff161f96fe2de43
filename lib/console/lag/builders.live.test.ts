import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { LIVE } from '../../../test-support/sandbox';
import { tsxWorker } from '../../../test-support/thread';
import { liveConsole } from '../../../test-support/live-console';
import { InProcessBuilder, ThreadedBuilder } from './builders';
import { PackedQueues } from './packed-queues';
import type { GroupSnapshot } from './types';

/** The seeded groups whose offsets stand still (no client online): both builders must read the same numbers. */
const STILL = ['lab_cg_cluster', 'lab_cg_sql', 'lab_cg_dlq'];

const view = (g: GroupSnapshot) => ({ group: g.group, brokers: g.brokers, lag: g.lag, topics: g.topics, queues: g.queues.toArray().map((q) => [q.topic, q.brokerName, q.queueId, q.brokerOffset, q.consumerOffset, q.lag]) });
/** A store time is estimated from the broker's "delay" and each build's own round trip (see StoreTimeCache): ms apart. */
const ages = (g: GroupSnapshot) => g.queues.toArray().map((q) => q.oldestUnconsumedTimestamp);

describe(`lag snapshot in a thread of its own (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole();
  const calls: Array<{ code: number; outcome: string }> = [];
  const threaded = new ThreadedBuilder(ctx.config, { concurrencyPerBroker: 16 }, (call) => calls.push(call), (data) => tsxWorker(path.join(import.meta.dirname, 'snapshot-thread.ts'), data));
  afterAll(() => threaded.close());

  it('builds the snapshot the in-process builder builds, with packed queues, and reports its broker calls', async () => {
    const [theirs, ours] = await Promise.all([new InProcessBuilder(admin, { concurrencyPerBroker: 16 }).build(), threaded.build()]);
    const seeded = (s: typeof ours) => s.groups.filter((g) => STILL.includes(g.group)).map(view);
    expect(seeded(ours).map((g) => g.group)).toEqual(STILL.slice().sort());
    expect(seeded(ours)).toEqual(seeded(theirs));
    for (const name of STILL) {
      const a = ages(ours.groups.find((g) => g.group === name)!);
      const b = ages(theirs.groups.find((g) => g.group === name)!);
      expect(a.map((t) => t === undefined), name).toEqual(b.map((t) => t === undefined));
      for (const [i, t] of a.entries()) if (t !== undefined) expect(Math.abs(t - b[i]!), `${name} queue ${i}`).toBeLessThan(1000);
    }
    expect(ages(ours.groups.find((g) => g.group === 'lab_cg_cluster')!).some((t) => t !== undefined)).toBe(true);
    expect(ours.groups.every((g) => g.queues instanceof PackedQueues)).toBe(true);
    expect(ours.groups.find((g) => g.group === 'lab_cg_cluster')!.lag).toBeGreaterThan(0);
    expect(ours.failures).toEqual([]);
    expect(ours.configs.get('lab_cg_cluster')?.map((c) => c.brokerName).sort()).toEqual(['broker-a', 'broker-b']);
    // the thread's calls reach the console's metrics within its 1 s batching (flushed with the result)
    expect(calls.length).toBeGreaterThan(ours.groups.length);
    expect(calls.every((c) => c.outcome === 'ok' || c.outcome.startsWith('code_'))).toBe(true);
  });

  it('keeps what one build carries to the next: the second build has drain rates from the first', async () => {
    const second = await threaded.build();
    const lagging = second.groups.find((g) => g.group === 'lab_cg_cluster')!;
    expect(lagging.drain?.trend).toBeDefined();
    expect(lagging.queues.toArray().every((q) => q.drainRate !== undefined)).toBe(true);
  });

  it('fails the build a stopped thread was doing, and starts a new thread for the next', async () => {
    const cut = threaded.build();
    threaded.close();
    await expect(cut).rejects.toThrow('the lag snapshot thread was stopped');
    const next = await threaded.build();
    expect(next.groups.some((g) => g.group === 'lab_cg_cluster')).toBe(true);
  });
});
