import { describe, expect, it } from 'vitest';
import { consumerConfig } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getAllSubscriptionGroupConfig } from '.';

describe(`GET_ALL_SUBSCRIPTIONGROUP_CONFIG live (${LIVE.version})`, () => {
  const pool = livePool();

  it('holds the config mqadmin getConsumerConfig prints for each demo group', async () => {
    const table = await getAllSubscriptionGroupConfig(pool, LIVE.brokerAMaster);
    for (const group of ['lab_cg_cluster', 'lab_cg_sql']) {
      const [theirs] = await consumerConfig(group);
      const ours = table.get(group)!;
      // every field mqadmin prints (4.9's config has fewer, e.g. no consumeMessageOrderly)
      const fields: Array<keyof typeof ours> = ['groupName', 'consumeEnable', 'consumeBroadcastEnable', 'consumeMessageOrderly', 'retryQueueNums', 'retryMaxTimes', 'brokerId', 'whichBrokerWhenConsumeSlowly', 'notifyConsumerIdsChangedEnable', 'groupSysFlag', 'consumeTimeoutMinute'];
      const compared = fields.filter((f) => theirs![f] !== undefined);
      expect(compared.length).toBeGreaterThanOrEqual(8);
      for (const f of compared) expect(String(ours[f]), f).toBe(theirs![f]);
    }
  });
});
