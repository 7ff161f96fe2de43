import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { decodeSubscriptionGroupConfig } from '../../rocketmq/get-all-subscriptiongroup-config';
import { PackArena, PackedQueues } from './packed-queues';
import { fromWire, toWire, type WireSnapshot } from './snapshot-wire';
import type { GroupSnapshot, LagSnapshot, QueueLag } from './types';

const queue = (queueId: number, consumerOffset: number): QueueLag => ({
  topic: 'T', brokerName: 'broker-a', queueId, brokerOffset: 100, consumerOffset, lag: 100 - consumerOffset, inflight: undefined, lastTimestamp: 0,
  oldestUnconsumedTimestamp: consumerOffset < 100 ? 1_795_000_000_000 + queueId : undefined, drainRate: undefined,
});

// as the snapshot packs them: every group's values a view on one shared block
const arena = new PackArena();

const group = (name: string, offsets: number[]): GroupSnapshot => {
  const queues = offsets.map((o, i) => queue(i, o));
  return { group: name, brokers: ['broker-a'], system: false, orderly: false, clients: 0, lag: queues.reduce((n, q) => n + q.lag, 0), consumeTps: 0, topics: ['T'], queues: PackedQueues.pack(queues, arena), failures: [{ brokerName: 'broker-b', addr: '127.0.0.1:10931', error: 'timed out' }] };
};

/** Through a real structured clone, as postMessage between threads does it. */
async function cloned(wire: WireSnapshot): Promise<WireSnapshot> {
  const { port1, port2 } = new MessageChannel();
  try {
    const received = new Promise<WireSnapshot>((resolve) => port2.once('message', resolve));
    port1.postMessage(wire);
    return await received;
  } finally {
    port1.close();
    port2.close();
  }
}

describe('a lag snapshot crossing threads', () => {
  it('arrives with the same groups, queues, failures and configs, its queues packed again', async () => {
    const snapshot: LagSnapshot = {
      asOf: 1_795_000_000_000, durationMs: 1234, groups: [group('g1', [40, 100]), group('g2', [0, 99])], failures: [],
      timings: { configsMs: 1, statsMs: 2, connectionsMs: 3, agesMs: 4 },
      configs: new Map([['g1', [{ brokerName: 'broker-a', config: decodeSubscriptionGroupConfig({ groupName: 'g1', consumeMessageOrderly: true, attributes: { 'attr.x': 'y' } }) }]]]),
    };
    const back = fromWire(await cloned(toWire(snapshot)));
    expect(back.groups.every((g) => g.queues instanceof PackedQueues)).toBe(true);
    expect(back.groups.map((g) => ({ ...g, queues: g.queues.toArray() }))).toEqual(snapshot.groups.map((g) => ({ ...g, queues: g.queues.toArray() })));
    expect(back.configs).toEqual(snapshot.configs);
    expect({ ...back, groups: [], configs: undefined }).toEqual({ ...snapshot, groups: [], configs: undefined });
    // groups with the same queues still share one layout after the clone
    const layout = (g: GroupSnapshot) => g.queues.toParts().layout;
    expect(layout(back.groups[0]!)).toBe(layout(back.groups[1]!));
    // and their values are still views on one block, copied once
    expect(new Set(back.groups.map((g) => g.queues.toParts().values.buffer)).size).toBe(1);
  });
});
