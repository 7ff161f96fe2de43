import { describe, expect, it } from 'vitest';
import { topicListWithGroups } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { queryTopicConsumeByWho } from '.';

describe(`QUERY_TOPIC_CONSUME_BY_WHO live (${LIVE.version})`, () => {
  const pool = livePool();

  it('gives, per broker, the groups mqadmin topicList -c prints for LabTopic', async () => {
    const [rows, a, b] = await Promise.all([
      topicListWithGroups(),
      queryTopicConsumeByWho(pool, LIVE.brokerAMaster, 'LabTopic'),
      queryTopicConsumeByWho(pool, LIVE.brokerBMaster, 'LabTopic'),
    ]);
    // mqadmin asks only the first broker of the route; the console asks every broker and merges
    const theirs = [...new Set(rows.filter((r) => r.topic === 'LabTopic' && r.group).map((r) => r.group))].sort();
    expect([a, b].map((groups) => JSON.stringify(groups))).toContain(JSON.stringify(theirs));
    expect(theirs).toEqual(expect.arrayContaining(['lab_cg_cluster', 'lab_cg_sql']));
  });
});
