import { describe, expect, it } from 'vitest';
import { decodeConsumeStats } from '../get-consume-stats';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeConsumerOffsetTable } from '.';

describe.each(fixtureVersions('get-all-consumer-offset', 'broker-a'))('GET_ALL_CONSUMER_OFFSET from %s', (version) => {
  const reply = loadReply('get-all-consumer-offset', version, 'broker-a');

  it('decodes "topic@group" keys with unquoted integer queue keys', () => {
    expect(reply.body!.toString()).toMatch(/"LabTopic@lab_cg_cluster":\{0:\d+/);
    const { byGroup } = decodeConsumerOffsetTable(reply);
    expect([...byGroup.get('lab_cg_cluster')!.get('LabTopic')!.keys()].sort()).toEqual([0, 1, 2, 3]);
    expect(byGroup.has('lab_cg_sql')).toBe(true);
  });

  it('holds the same committed offsets GET_CONSUME_STATS reported for the group', () => {
    const { byGroup } = decodeConsumerOffsetTable(reply);
    const stats = decodeConsumeStats(loadReply('get-consume-stats', version, 'group'));
    for (const q of stats.queues.filter((x) => x.topic === 'LabTopic')) {
      expect(byGroup.get('lab_cg_cluster')!.get('LabTopic')!.get(q.queueId), `queue ${q.queueId}`).toBe(q.consumerOffset);
    }
  });
});
