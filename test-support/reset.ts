/** Test support: an offline group of its own with offsets on every LabTopic queue (vitest and Playwright alike). */
import { getTopicStatsInfo } from '../lib/rocketmq/get-topic-stats-info';
import { updateAndCreateSubscriptionGroup } from '../lib/rocketmq/update-and-create-subscriptiongroup';
import { updateAndCreateTopic } from '../lib/rocketmq/update-and-create-topic';
import { updateConsumerOffset } from '../lib/rocketmq/update-consumer-offset';
import { LIVE, type Sandbox } from './sandbox';
import type { AdminClient } from '../lib/console/core/admin';

/** The masters of a sandbox, by brokerName. */
export function labMasters(on: Sandbox = LIVE): Array<{ brokerName: string; addr: string }> {
  return [
    { brokerName: 'broker-a', addr: on.brokerAMaster },
    { brokerName: 'broker-b', addr: on.brokerBMaster },
  ];
}

/**
 * Creates `group` on both masters (with its retry topic, so mqadmin finds it) and commits, on every LabTopic
 * queue, the offset in the middle of the queue. Returns those offsets: brokerName/queueId -> offset.
 */
export async function offlineGroupWithOffsets(admin: AdminClient, group: string, on: Sandbox = LIVE): Promise<Map<string, number>> {
  const offsets = new Map<string, number>();
  for (const m of labMasters(on)) {
    await updateAndCreateSubscriptionGroup(admin, m.addr, { groupName: group });
    await updateAndCreateTopic(admin, m.addr, { topic: `%RETRY%${group}`, readQueueNums: 1, writeQueueNums: 1 });
    for (const q of await getTopicStatsInfo(admin, m.addr, 'LabTopic')) {
      const middle = Math.floor((q.minOffset + q.maxOffset) / 2);
      await updateConsumerOffset(admin, m.addr, { consumerGroup: group, topic: 'LabTopic', queueId: q.queueId, commitOffset: middle });
      offsets.set(`${m.brokerName}/${q.queueId}`, middle);
    }
  }
  return offsets;
}
