import { describe, expect, it } from 'vitest';
import { PackedQueues } from './packed-queues';
import { drainOf } from './snapshot';
import type { QueueLag } from './types';

const q = (brokerOffset: number, consumerOffset: number): QueueLag => ({
  topic: 'T', brokerName: 'b', queueId: 0, brokerOffset, consumerOffset, lag: brokerOffset - consumerOffset, lastTimestamp: 0,
});

describe('drainOf', () => {
  it('estimates the time to drain from the net consume rate', () => {
    const d = drainOf([q(200, 150)], [q(190, 100)], 10);
    expect(d).toMatchObject({ consumeRate: 5, produceRate: 1, trend: 'draining' });
    expect(d.etaMs).toBeCloseTo((50 / 4) * 1000);
  });

  it('says a backlog is growing when producers outrun the group', () => {
    expect(drainOf([q(300, 110)], [q(200, 100)], 10)).toMatchObject({ trend: 'growing', etaMs: undefined });
  });

  it('says a group with lag that consumed nothing is idle', () => {
    expect(drainOf([q(200, 100)], [q(200, 100)], 10)).toMatchObject({ trend: 'idle', etaMs: undefined });
  });

  it('ignores offsets moved backwards by a reset', () => {
    expect(drainOf([q(200, 50)], [q(200, 100)], 10)).toMatchObject({ consumeRate: 0 });
  });

  it('reads a packed previous snapshot by position when the queues line up, and by queue when they do not, alike', () => {
    const at = (topic: string, queueId: number, brokerOffset: number, consumerOffset: number): QueueLag => ({ ...q(brokerOffset, consumerOffset), topic, queueId });
    const before = [at('A', 0, 100, 50), at('A', 1, 80, 80), at('B', 0, 10, 0)];
    const cases = [
      [at('A', 0, 130, 90), at('A', 1, 85, 80), at('B', 0, 10, 5)], // the same queues in the same order
      [at('B', 0, 10, 5), at('A', 0, 130, 90), at('A', 1, 85, 80)], // reordered
      [at('A', 0, 130, 90), at('A', 1, 85, 80), at('A', 2, 7, 0), at('B', 0, 10, 5)], // a queue added
      [at('A', 0, 130, 90), at('B', 0, 10, 5)], // a queue gone
    ];
    for (const now of cases) {
      const fromArray = now.map((x) => ({ ...x }));
      const fromPacked = now.map((x) => ({ ...x }));
      expect(drainOf(fromPacked, PackedQueues.pack(before), 10)).toEqual(drainOf(fromArray, before, 10));
      expect(fromPacked.map((x) => x.drainRate)).toEqual(fromArray.map((x) => x.drainRate));
    }
    const lined = [at('A', 0, 130, 90), at('A', 1, 85, 80), at('B', 0, 10, 5)];
    drainOf(lined, PackedQueues.pack(before), 10);
    expect(lined.map((x) => x.drainRate)).toEqual([(40 - 30) / 10, (0 - 5) / 10, (5 - 0) / 10]);
  });
});
