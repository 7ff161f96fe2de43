import { describe, expect, it } from 'vitest';
import { consumerProgress } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getAllConsumerOffset } from '.';

describe(`GET_ALL_CONSUMER_OFFSET live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['lab_cg_cluster', 'lab_cg_sql'])('holds the consumer offsets mqadmin consumerProgress -g prints for %s', async (group) => {
    const [theirs, a, b] = await Promise.all([consumerProgress(group, undefined, false), getAllConsumerOffset(pool, LIVE.brokerAMaster), getAllConsumerOffset(pool, LIVE.brokerBMaster)]);
    const tables = { 'broker-a': a, 'broker-b': b } as Record<string, typeof a>;
    const rows = theirs.rows.filter((r) => !r.topic.startsWith('%RETRY%'));
    // the group consumes LabTopic only: 4 queues on each master
    expect(rows.map((r) => `${r.topic} ${r.brokerName}/${r.queueId}`).sort()).toEqual(['a', 'b'].flatMap((b) => [0, 1, 2, 3].map((q) => `LabTopic broker-${b}/${q}`)));
    for (const row of rows) {
      expect(tables[row.brokerName]!.byGroup.get(group)?.get(row.topic)?.get(row.queueId), `${row.brokerName}/${row.queueId}`).toBe(row.consumerOffset);
    }
  });
});
