import { describe, expect, it } from 'vitest';
import { topicList, topicRoute } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getAllTopicConfig } from '.';

describe(`GET_ALL_TOPIC_CONFIG live (${LIVE.version})`, () => {
  const pool = livePool();

  it('holds configs whose queue numbers and perm match the route mqadmin topicRoute prints', async () => {
    const configs = await getAllTopicConfig(pool, LIVE.brokerAMaster);
    const queueData = (await topicRoute('LabTopic')).queueDatas.find((q) => q.brokerName === 'broker-a');
    expect(queueData).toBeDefined();
    expect(configs.get('LabTopic')).toMatchObject({ readQueueNums: queueData!.readQueueNums, writeQueueNums: queueData!.writeQueueNums, perm: queueData!.perm });
    expect(configs.get('LabOrderTopic')?.order).toBe(true);
  });

  it('covers only topics that mqadmin topicList knows', async () => {
    const configs = await getAllTopicConfig(pool, LIVE.brokerBMaster);
    // topicList is asked after the configs, so a topic the broker created meanwhile is in both
    const names = new Set(await topicList());
    const unknown = [...configs.keys()].filter((t) => !names.has(t));
    expect(unknown).toEqual([]);
    expect(configs.size).toBeGreaterThan(5);
  });
});
