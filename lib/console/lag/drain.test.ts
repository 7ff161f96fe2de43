import { describe, expect, it } from 'vitest';
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
});
