import { pullMessage } from '../../rocketmq/pull-message';
import type { QueueStats } from '../../rocketmq/get-topic-stats-info';
import type { Invoker } from '../../rocketmq/invoke';

/**
 * Store time of the oldest message a queue still holds (read at its min offset): nothing older can be read or reset
 * to. undefined when the queue is empty or the read fails (callers show it as unknown, never as a time).
 */
export async function oldestStoreTime(invoker: Invoker, brokerAddr: string, q: Pick<QueueStats, 'topic' | 'queueId' | 'minOffset' | 'maxOffset'>, timeoutMs: number): Promise<number | undefined> {
  if (q.maxOffset <= q.minOffset) return undefined;
  const pulled = await pullMessage(invoker, brokerAddr, { topic: q.topic, queueId: q.queueId, queueOffset: q.minOffset, maxMsgNums: 1 }, timeoutMs).catch(() => undefined);
  return pulled?.messages[0]?.storeTimestamp;
}
