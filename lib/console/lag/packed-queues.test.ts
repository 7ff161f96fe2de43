import { describe, expect, it } from 'vitest';
import { PackedQueues } from './packed-queues';
import type { QueueLag } from './types';

const queue = (topic: string, queueId: number, extra: Partial<QueueLag> = {}): QueueLag => ({
  topic, brokerName: 'broker-a', queueId, brokerOffset: 100 + queueId, consumerOffset: 40, lag: 60 + queueId, inflight: undefined, lastTimestamp: 0,
  oldestUnconsumedTimestamp: undefined, drainRate: undefined, ...extra,
});

describe('PackedQueues', () => {
  it('gives back the queues it packed, optional values included, as fresh objects', () => {
    const queues = [queue('T', 0, { inflight: 3, oldestUnconsumedTimestamp: 1_795_000_000_123, drainRate: -0.25, lastTimestamp: 1_795_000_000_000 }), queue('T', 1), queue('U', 0)];
    const packed = PackedQueues.pack(queues);
    expect(packed.length).toBe(3);
    expect(packed.toArray()).toEqual(queues);
    expect([...packed]).toEqual(queues);
    packed.at(0).lag = 0;
    expect(packed.at(0).lag).toBe(60);
  });

  it('shares one layout between groups with the same queues', () => {
    const a = PackedQueues.pack([queue('T', 0), queue('T', 1)]);
    const b = PackedQueues.pack([queue('T', 0, { consumerOffset: 90, lag: 10 }), queue('T', 1)]);
    expect((a as unknown as { layout: unknown }).layout).toBe((b as unknown as { layout: unknown }).layout);
    expect(b.at(0).lag).toBe(10);
  });
});
