import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asNumber, asObject, asString, entries, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_TOPIC_STATS_INFO (202) at one broker: per queue min/max offset and the store time of the last message. */
export interface QueueStats {
  topic: string;
  brokerName: string;
  queueId: number;
  minOffset: number;
  /** The next offset to be written. */
  maxOffset: number;
  /** Store time of message maxOffset-1, or 0 when the queue is empty. */
  lastUpdateTimestamp: number;
}

export function getTopicStatsInfoRequest(topic: string): RemotingRequest {
  return { code: RequestCode.GET_TOPIC_STATS_INFO, extFields: extFields({ topic }) };
}

export function decodeTopicStatsTable(reply: RemotingCommand): QueueStats[] {
  const root = asObject(parseFastjson(requireBody(reply, 'TopicStatsTable')), 'TopicStatsTable');
  const queues: QueueStats[] = [];
  // offsetTable is keyed by a MessageQueue object literal (fastjson quirk)
  for (const [key, value] of entries(asObject(root.offsetTable ?? {}, 'offsetTable'))) {
    const mq = asObject(key, 'offsetTable key (MessageQueue)');
    const stats = asObject(value, 'TopicOffset');
    queues.push({
      topic: asString(mq.topic, 'topic'),
      brokerName: asString(mq.brokerName, 'brokerName'),
      queueId: asNumber(mq.queueId, 'queueId'),
      minOffset: asNumber(stats.minOffset, 'minOffset'),
      maxOffset: asNumber(stats.maxOffset, 'maxOffset'),
      lastUpdateTimestamp: asNumber(stats.lastUpdateTimestamp ?? 0, 'lastUpdateTimestamp'),
    });
  }
  return queues.sort((a, b) => a.brokerName.localeCompare(b.brokerName) || a.queueId - b.queueId);
}

export function getTopicStatsInfo(
  invoker: Invoker,
  brokerAddr: string,
  topic: string,
  timeoutMs?: number,
): Promise<QueueStats[]> {
  return call(invoker, brokerAddr, getTopicStatsInfoRequest(topic), decodeTopicStatsTable, timeoutMs);
}
