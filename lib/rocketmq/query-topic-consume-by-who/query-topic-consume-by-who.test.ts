import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeGroupList } from '.';

describe.each(fixtureVersions('query-topic-consume-by-who', 'LabTopic'))('QUERY_TOPIC_CONSUME_BY_WHO from %s', (version) => {
  it('lists the groups consuming LabTopic on the broker', () => {
    expect(decodeGroupList(loadReply('query-topic-consume-by-who', version, 'LabTopic'))).toEqual(
      expect.arrayContaining(['lab_cg_cluster', 'lab_cg_online', 'lab_cg_sql']),
    );
  });
});
