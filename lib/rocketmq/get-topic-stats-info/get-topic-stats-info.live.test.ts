import { describe, expect, it } from 'vitest';
import { mqadminTime, topicStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getTopicStatsInfo } from '.';

describe(`GET_TOPIC_STATS_INFO live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['LabTopic', 'LabOrderTopic'])('gives the min/max offsets and last update times mqadmin topicStatus prints for %s', async (topic) => {
    const ours = [
      ...(await getTopicStatsInfo(pool, LIVE.brokerAMaster, topic)),
      ...(await getTopicStatsInfo(pool, LIVE.brokerBMaster, topic)),
    ];
    const theirs = await topicStatus(topic);
    // 4 queues on each master (traffic.sh)
    expect(theirs).toHaveLength(8);
    expect(ours.map((q) => [q.brokerName, q.queueId, q.minOffset, q.maxOffset])).toEqual(
      theirs.map((r) => [r.brokerName, r.queueId, r.minOffset, r.maxOffset]),
    );
    // a queue that never got a message has 0, for which mqadmin prints nothing
    ours.forEach((q, i) => expect(q.lastUpdateTimestamp, `${q.brokerName}/${q.queueId}`).toBe(theirs[i]!.lastUpdated === '' ? 0 : mqadminTime(theirs[i]!.lastUpdated)));
    expect(ours.reduce((n, q) => n + q.maxOffset, 0)).toBeGreaterThan(0);
  });
});
