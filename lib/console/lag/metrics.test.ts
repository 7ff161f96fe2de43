import { describe, expect, it } from 'vitest';
import { CHUNK_LINES, lagExposition } from './metrics';
import { PackedQueues } from './packed-queues';
import type { GroupSnapshot, LagSnapshot, QueueLag } from './types';

const ASOF = 1_795_000_000_000;
const queue = (queueId: number, lag: number, ageMs?: number): QueueLag => ({
  topic: 'T', brokerName: 'broker-a', queueId, brokerOffset: 100, consumerOffset: 100 - lag, lag, inflight: undefined, lastTimestamp: 0, oldestUnconsumedTimestamp: ageMs === undefined ? undefined : ASOF - ageMs, drainRate: undefined,
});
const group = (name: string, queues: QueueLag[], oldest?: number): GroupSnapshot => ({
  group: name, brokers: ['broker-a'], system: false, orderly: false, clients: 2, lag: queues.reduce((n, q) => n + q.lag, 0), consumeTps: 1.5, topics: ['T'], oldestUnconsumedTimestamp: oldest, queues: PackedQueues.pack(queues),
});
const snapshotOf = (groups: GroupSnapshot[]): LagSnapshot => ({ asOf: ASOF, durationMs: 1, groups, failures: [], timings: { configsMs: 0, statsMs: 0, connectionsMs: 0, agesMs: 0 }, configs: new Map() });

describe('lagExposition', () => {
  it('writes each family once with its samples together, leaves unknown ages out and escapes names', () => {
    const snapshots = [
      { cluster: 'prod "eu"', snapshot: snapshotOf([group('caught_up', [queue(0, 0)]), group('lagging\\x', [queue(0, 5, 30_000), queue(1, 3)], ASOF - 30_000), group('age_unknown', [queue(0, 7)])]) },
      { cluster: 'starting', snapshot: undefined },
    ];
    const text = [...lagExposition(snapshots)].join('');
    const lines = text.trimEnd().split('\n');
    const families = lines.filter((l) => l.startsWith('# TYPE')).map((l) => l.split(' ')[2]);
    expect(families).toEqual(['rocketmq_consumer_group_lag', 'rocketmq_consumer_group_lag_age_seconds', 'rocketmq_consumer_group_clients', 'rocketmq_consumer_group_consume_tps', 'rocketmq_consumer_lag', 'rocketmq_consumer_lag_age_seconds']);
    // each family's samples follow its TYPE line, before the next family's HELP
    const familyOf = (l: string) => l.split('{')[0];
    let current = '';
    for (const l of lines) {
      if (l.startsWith('# TYPE')) current = l.split(' ')[2]!;
      else if (!l.startsWith('#')) expect(familyOf(l)).toBe(current);
    }
    const c = 'cluster="prod \\"eu\\""';
    expect(lines).toContain(`rocketmq_consumer_group_lag{${c},group="lagging\\\\x"} 8`);
    expect(lines).toContain(`rocketmq_consumer_group_lag_age_seconds{${c},group="lagging\\\\x"} 30`);
    expect(lines).toContain(`rocketmq_consumer_group_lag_age_seconds{${c},group="caught_up"} 0`);
    expect(lines.some((l) => l.startsWith(`rocketmq_consumer_group_lag_age_seconds{${c},group="age_unknown"}`))).toBe(false);
    expect(lines).toContain(`rocketmq_consumer_group_consume_tps{${c},group="caught_up"} 1.5`);
    expect(lines).toContain(`rocketmq_consumer_lag{${c},group="lagging\\\\x",topic="T",broker="broker-a",queue="1"} 3`);
    expect(lines).toContain(`rocketmq_consumer_lag_age_seconds{${c},group="lagging\\\\x",topic="T",broker="broker-a",queue="0"} 30`);
    expect(lines.filter((l) => l.startsWith('rocketmq_consumer_lag_age_seconds{'))).toHaveLength(1);
    expect(text).not.toContain('starting');
  });

  it('streams a large snapshot in chunks of at most CHUNK_LINES lines, with nothing lost', () => {
    const groups = Array.from({ length: 3000 }, (_, i) => group(`g${String(i).padStart(5, '0')}`, [queue(0, i % 4, 1000), queue(1, 1, 2000)], ASOF - 2000));
    const chunks = [...lagExposition([{ cluster: 'big', snapshot: snapshotOf(groups) }])];
    expect(chunks.length).toBeGreaterThan(5);
    // a group's queues are never split: a chunk may pass the bound by one group's lines
    for (const chunk of chunks) expect(chunk.trimEnd().split('\n').length).toBeLessThanOrEqual(CHUNK_LINES + 4);
    const samples = chunks.join('').trimEnd().split('\n').filter((l) => !l.startsWith('#'));
    // 4 group families + 2 queue families x 2 queues each
    expect(samples).toHaveLength(3000 * 4 + 3000 * 2 * 2);
  });

  it('writes per-queue series only for the groups with the most lag, every group its own series', () => {
    const groups = [group('a', [queue(0, 1)]), group('b', [queue(0, 9), queue(1, 1)]), group('c', [queue(0, 5)]), group('d', [queue(0, 5)])];
    const lines = [...lagExposition([{ cluster: 'x', snapshot: snapshotOf(groups) }], 2)].join('').trimEnd().split('\n');
    const queueGroups = new Set(lines.filter((l) => l.startsWith('rocketmq_consumer_lag{')).map((l) => /group="([^"]+)"/.exec(l)![1]));
    // b (10) then c and d tie at 5: the earlier name wins
    expect([...queueGroups]).toEqual(['b', 'c']);
    expect(lines.filter((l) => l.startsWith('rocketmq_consumer_group_lag{'))).toHaveLength(4);
    const none = [...lagExposition([{ cluster: 'x', snapshot: snapshotOf(groups) }], 0)].join('');
    expect(none).not.toContain('rocketmq_consumer_lag{');
  });
});
