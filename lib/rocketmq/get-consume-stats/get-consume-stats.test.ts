import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeConsumeStats } from '.';

describe.each(fixtureVersions('get-consume-stats', 'group'))('GET_CONSUME_STATS from %s', (version) => {
  it('decodes per-queue offsets keyed by MessageQueue objects, with lag left behind by r2', () => {
    const reply = loadReply('get-consume-stats', version, 'group');
    expect(reply.body!.toString()).toMatch(/"offsetTable":\{\{"brokerName":"broker-a"/);
    const stats = decodeConsumeStats(reply);
    const lab = stats.queues.filter((q) => q.topic === 'LabTopic');
    expect(lab.map((q) => q.queueId)).toEqual([0, 1, 2, 3]);
    expect(lab.every((q) => q.brokerName === 'broker-a' && q.brokerOffset >= q.consumerOffset && q.consumerOffset > 0)).toBe(true);
    expect(lab.reduce((n, q) => n + q.brokerOffset - q.consumerOffset, 0)).toBeGreaterThan(0);
    expect(lab.every((q) => q.lastTimestamp > 1_700_000_000_000)).toBe(true);
    // 5.x reports how far clients pulled; 4.9 has no pullOffset
    expect(lab.every((q) => (version.startsWith('5') ? q.pullOffset !== undefined : q.pullOffset === undefined))).toBe(true);
  });

  it('decodes one topic for a SQL92 group on broker-b', () => {
    const stats = decodeConsumeStats(loadReply('get-consume-stats', version, 'group-topic'));
    expect(new Set(stats.queues.map((q) => `${q.topic}@${q.brokerName}`))).toEqual(new Set(['LabTopic@broker-b']));
  });

  it('answers an empty table for a group the broker does not know', () => {
    expect(decodeConsumeStats(loadReply('get-consume-stats', version, 'unknown-group'))).toEqual({ consumeTps: 0, queues: [] });
  });
});
