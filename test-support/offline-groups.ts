/** Test support: offline groups a spec makes for itself, drained at its end (Playwright specs over the sandbox). */
import { getTopicStatsInfo } from '../lib/rocketmq/get-topic-stats-info';
import { updateConsumerOffset } from '../lib/rocketmq/update-consumer-offset';
import { sandboxAdmin } from './admin';
import { labMasters, offlineGroupWithOffsets } from './reset';

/**
 * `make` creates an offline group with offsets on every LabTopic queue (its middle offsets, by brokerName/queueId);
 * `drain` commits every group made to the end of LabTopic, so they end with no lag and do not top other specs'
 * lists sorted by lag.
 */
export function offlineGroups(): { make(group: string): Promise<Map<string, number>>; drain(): Promise<void> } {
  const made: string[] = [];
  return {
    async make(group) {
      const rocket = sandboxAdmin();
      try {
        made.push(group);
        return await offlineGroupWithOffsets(rocket, group);
      } finally {
        rocket.close();
      }
    },
    async drain() {
      const rocket = sandboxAdmin();
      try {
        for (const group of made) {
          for (const m of labMasters()) {
            for (const q of await getTopicStatsInfo(rocket, m.addr, 'LabTopic')) {
              await updateConsumerOffset(rocket, m.addr, { consumerGroup: group, topic: 'LabTopic', queueId: q.queueId, commitOffset: q.maxOffset });
            }
          }
        }
      } finally {
        rocket.close();
      }
    },
  };
}
