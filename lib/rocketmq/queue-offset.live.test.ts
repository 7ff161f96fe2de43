import { describe, expect, it } from 'vitest';
import { consumerProgress, mqadmin, mqadminTime, topicStatus } from '../../test-support/mqadmin';
import { LIVE } from '../../test-support/sandbox';
import { getMaxOffset } from './get-max-offset';
import { getMinOffset } from './get-min-offset';
import { queryConsumerOffset } from './query-consumer-offset';
import { searchOffsetByTimestamp } from './search-offset-by-timestamp';
import { livePool } from '../../test-support/live';

describe(`queue offsets live (${LIVE.version})`, () => {
  const pool = livePool();

  it('min and max offsets equal mqadmin topicStatus', async () => {
    const rows = (await topicStatus('LabTopic')).filter((r) => r.brokerName === 'broker-a');
    expect(rows.map((r) => r.queueId)).toEqual([0, 1, 2, 3]);
    for (const row of rows) {
      expect(await getMinOffset(pool, LIVE.brokerAMaster, 'LabTopic', row.queueId)).toBe(row.minOffset);
      expect(await getMaxOffset(pool, LIVE.brokerAMaster, 'LabTopic', row.queueId)).toBe(row.maxOffset);
    }
  });

  it('committed offsets equal mqadmin consumerProgress', async () => {
    const rows = (await consumerProgress('lab_cg_cluster', 'LabTopic')).rows.filter((r) => r.brokerName === 'broker-b');
    expect(rows.map((r) => r.queueId)).toEqual([0, 1, 2, 3]);
    for (const row of rows) {
      expect(await queryConsumerOffset(pool, LIVE.brokerBMaster, 'lab_cg_cluster', 'LabTopic', row.queueId)).toBe(row.consumerOffset);
    }
  });

  it('a timestamp search lands on the first message stored at or after the time (mqadmin queryMsgByOffset)', async () => {
    const max = await getMaxOffset(pool, LIVE.brokerAMaster, 'LabTopic', 1);
    const middle = Math.floor(max / 2);
    const storeTime = async (offset: number) =>
      mqadminTime(/Store Timestamp:\s+(.+)/.exec(await mqadmin(['queryMsgByOffset', '-t', 'LabTopic', '-b', 'broker-a', '-i', '1', '-o', String(offset)]))![1]!);
    const t = await storeTime(middle);
    const found = await searchOffsetByTimestamp(pool, LIVE.brokerAMaster, 'LabTopic', 1, t);
    expect(found).toBeLessThanOrEqual(middle);
    if (LIVE.isV5) {
      expect(await storeTime(found)).toBeGreaterThanOrEqual(t);
      if (found > 0) expect(await storeTime(found - 1)).toBeLessThan(t);
    } else {
      // 4.9's binary search stops at any message stored in that very millisecond, not the first of them
      expect(await storeTime(found)).toBe(t);
      if (found > 0) expect(await storeTime(found - 1)).toBeLessThanOrEqual(t);
    }
    // past the last message 5.x answers max; 4.9 stops at the last message (max - 1)
    expect(await searchOffsetByTimestamp(pool, LIVE.brokerAMaster, 'LabTopic', 1, Date.now() + 86_400_000)).toBe(LIVE.isV5 ? max : max - 1);
  });
});
