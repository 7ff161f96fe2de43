import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeTopicStatsTable } from '.';

describe.each(fixtureVersions('get-topic-stats-info', 'LabTopic'))('GET_TOPIC_STATS_INFO from %s', (version) => {
  it('decodes the offset table keyed by MessageQueue object literals', () => {
    const reply = loadReply('get-topic-stats-info', version, 'LabTopic');
    expect(reply.body!.toString()).toMatch(/"offsetTable":\{\{"brokerName":"broker-a"/);
    const queues = decodeTopicStatsTable(reply);
    expect(queues.map((q) => [q.topic, q.brokerName, q.queueId])).toEqual([0, 1, 2, 3].map((id) => ['LabTopic', 'broker-a', id]));
    for (const q of queues) {
      expect(q.minOffset).toBe(0);
      expect(q.maxOffset).toBeGreaterThan(0);
      expect(q.lastUpdateTimestamp).toBeGreaterThan(1_700_000_000_000);
    }
  });

  it('answers code 17 for a topic the broker does not hold', () => {
    expect(loadReply('get-topic-stats-info', version, 'unknown').code).toBe(17);
  });
});
