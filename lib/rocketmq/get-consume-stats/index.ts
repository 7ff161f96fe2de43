import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asNumber, asObject, entries, optNumber, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';
import { compareMessageQueues, decodeMessageQueue, type MessageQueue } from '../message-queue';

/**
 * GET_CONSUME_STATS (208) at one broker: a group's offsets per queue of each topic it has offsets for there (or of
 * one topic), and its consume TPS. No topic: every topic with offsets, minus those the online clients do not
 * subscribe to. An unknown group answers success with an empty table.
 */
export interface QueueOffsets extends MessageQueue {
  /** Next offset the broker will write (max offset). */
  brokerOffset: number;
  /** Next offset the group will consume (committed). */
  consumerOffset: number;
  /** 5.x: highest offset pulled; pullOffset - consumerOffset = in flight. Absent on 4.9. */
  pullOffset?: number;
  /** Store time of message consumerOffset-1 (the last consumed), 0 when none. */
  lastTimestamp: number;
}

export interface ConsumeStats {
  consumeTps: number;
  queues: QueueOffsets[];
}

export function getConsumeStatsRequest(consumerGroup: string, topic?: string): RemotingRequest {
  return { code: RequestCode.GET_CONSUME_STATS, extFields: extFields({ consumerGroup, topic }) };
}

export function decodeConsumeStats(reply: RemotingCommand): ConsumeStats {
  const root = asObject(parseFastjson(requireBody(reply, 'ConsumeStats')), 'ConsumeStats');
  const queues: QueueOffsets[] = [];
  for (const [key, value] of entries(asObject(root.offsetTable ?? {}, 'offsetTable'))) {
    const o = asObject(value, 'OffsetWrapper');
    queues.push({
      ...decodeMessageQueue(key, 'offsetTable key'),
      brokerOffset: asNumber(o.brokerOffset, 'brokerOffset'),
      consumerOffset: asNumber(o.consumerOffset, 'consumerOffset'),
      pullOffset: optNumber(o.pullOffset),
      lastTimestamp: optNumber(o.lastTimestamp) ?? 0,
    });
  }
  return { consumeTps: optNumber(root.consumeTps) ?? 0, queues: queues.sort(compareMessageQueues) };
}

export function getConsumeStats(
  invoker: Invoker,
  brokerAddr: string,
  consumerGroup: string,
  topic?: string,
  timeoutMs?: number,
): Promise<ConsumeStats> {
  return call(invoker, brokerAddr, getConsumeStatsRequest(consumerGroup, topic), decodeConsumeStats, timeoutMs);
}
