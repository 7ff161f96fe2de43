import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeTopicConfigTable } from '.';

describe.each(fixtureVersions('get-all-topic-config', 'broker-a'))('GET_ALL_TOPIC_CONFIG from %s', (version) => {
  it('decodes every topic config, the ordered flag included', () => {
    const table = decodeTopicConfigTable(loadReply('get-all-topic-config', version, 'broker-a'));
    expect(table.get('LabTopic')).toMatchObject({ topicName: 'LabTopic', readQueueNums: 4, writeQueueNums: 4, perm: 6, order: false });
    expect(table.get('LabOrderTopic')).toMatchObject({ order: true });
    expect(table.get('RMQ_SYS_TRACE_TOPIC')).toMatchObject({ readQueueNums: 1 });
    expect(table.has('%RETRY%lab_cg_cluster')).toBe(true);
  });
});
