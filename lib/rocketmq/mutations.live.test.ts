import { describe, expect, it } from 'vitest';
import { consumerConfig, consumerProgress, topicRoute } from '../../test-support/mqadmin';
import { LIVE } from '../../test-support/sandbox';
import { invokeBrokerToResetOffset } from './invoke-broker-to-reset-offset';
import { livePool } from '../../test-support/live';
import { updateAndCreateSubscriptionGroup } from './update-and-create-subscriptiongroup';
import { updateAndCreateTopic } from './update-and-create-topic';
import { updateConsumerOffset } from './update-consumer-offset';
import { updateAndCreateSubscriptionGroupList } from './update-and-create-subscriptiongroup-list';
import { updateAndCreateTopicList } from './update-and-create-topic-list';

describe(`admin mutations live (${LIVE.version})`, () => {
  const pool = livePool();
  const suffix = Date.now().toString(36);

  it('creates a topic that mqadmin topicRoute then routes to the broker', async () => {
    const topic = `LiveTopic_${suffix}`;
    await updateAndCreateTopic(pool, LIVE.brokerBMaster, { topic, readQueueNums: 3, writeQueueNums: 3 });
    const route = await topicRoute(topic);
    expect(route.queueDatas).toEqual([expect.objectContaining({ brokerName: 'broker-b', readQueueNums: 3, writeQueueNums: 3 })]);
  });

  it('creates a group, commits an offset and resets it, as mqadmin getConsumerConfig and consumerProgress show', async () => {
    const group = `live_cg_${suffix}`;
    await updateAndCreateSubscriptionGroup(pool, LIVE.brokerAMaster, { groupName: group, retryMaxTimes: 5 });
    // mqadmin finds a group's brokers through the route of its retry topic, which a consumer's heartbeat would create
    await updateAndCreateTopic(pool, LIVE.brokerAMaster, { topic: `%RETRY%${group}`, readQueueNums: 1, writeQueueNums: 1 });
    const [config] = await consumerConfig(group);
    expect(config).toMatchObject({ groupName: group, retryMaxTimes: '5' });

    expect(await updateConsumerOffset(pool, LIVE.brokerAMaster, { consumerGroup: group, topic: 'LabTopic', queueId: 0, commitOffset: 2 })).toMatchObject({ applied: true });
    const committed = await consumerProgress(group, 'LabTopic', false);
    expect(committed.rows.find((r) => r.brokerName === 'broker-a' && r.queueId === 0)?.consumerOffset).toBe(2);

    const reset = invokeBrokerToResetOffset(pool, LIVE.brokerAMaster, { topic: 'LabTopic', group, timestamp: 0, isForce: true, queueId: 0, offset: 1 });
    if (LIVE.isV5) {
      expect(await reset).toEqual({ kind: 'reset', offsets: [{ topic: 'LabTopic', brokerName: 'broker-a', queueId: 0, offset: 1 }] });
      const after = await consumerProgress(group, 'LabTopic', false);
      expect(after.rows.find((r) => r.brokerName === 'broker-a' && r.queueId === 0)?.consumerOffset).toBe(1);
    } else {
      // 4.9 has no per-queue reset and refuses a group without an offset on every queue of the topic
      await expect(reset).rejects.toThrow(/not exist/);
    }
  });

  // one of the two runs per version (registered conditionally: a skipped test would only be noise in the summary)
  if (!LIVE.isV5) it('4.9 does not know the batch creation codes 18 and 225 (code 3)', async () => {
    await expect(updateAndCreateTopicList(pool, LIVE.brokerAMaster, [{ topic: `LiveListTopic_${suffix}`, readQueueNums: 1, writeQueueNums: 1 }])).rejects.toMatchObject({ code: 3 });
    await expect(updateAndCreateSubscriptionGroupList(pool, LIVE.brokerAMaster, [{ groupName: `live_list_cg_${suffix}` }])).rejects.toMatchObject({ code: 3 });
  });

  if (LIVE.isV5) it('creates topics and groups in batches that mqadmin then shows (5.3+)', async () => {
    const topics = [1, 2].map((i) => `LiveListTopic${i}_${suffix}`);
    await updateAndCreateTopicList(pool, LIVE.brokerAMaster, topics.map((topic, i) => ({ topic, readQueueNums: i + 1, writeQueueNums: i + 1 })));
    for (const [i, topic] of topics.entries()) {
      const route = await topicRoute(topic);
      expect(route.queueDatas).toEqual([expect.objectContaining({ brokerName: 'broker-a', readQueueNums: i + 1 })]);
    }
    const groups = [1, 2].map((i) => `live_list_cg${i}_${suffix}`);
    await updateAndCreateSubscriptionGroupList(pool, LIVE.brokerAMaster, groups.map((groupName) => ({ groupName, retryMaxTimes: 7 })));
    for (const group of groups) expect((await consumerConfig(group))[0]).toMatchObject({ groupName: group, retryMaxTimes: '7' });
  });
});
