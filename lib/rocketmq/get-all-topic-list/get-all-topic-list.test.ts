import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeTopicList } from '.';

describe.each(fixtureVersions('get-all-topic-list', 'all'))('GET_ALL_TOPIC_LIST_FROM_NAMESERVER from %s', (version) => {
  it('lists user, retry, system, cluster and broker-name topics', () => {
    const { topics } = decodeTopicList(loadReply('get-all-topic-list', version, 'all'));
    expect(topics).toEqual(expect.arrayContaining([
      'LabTopic', 'LabOrderTopic', 'RMQ_SYS_TRACE_TOPIC', 'TBW102', 'SCHEDULE_TOPIC_XXXX', 'DefaultCluster',
      'broker-a', 'broker-b', '%RETRY%lab_cg_cluster',
    ]));
    expect(new Set(topics).size).toBe(topics.length);
  });
});
