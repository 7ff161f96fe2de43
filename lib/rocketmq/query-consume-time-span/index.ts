import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asArray, asObject, optNumber, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';
import { compareMessageQueues, decodeMessageQueue, type MessageQueue } from '../message-queue';

/**
 * QUERY_CONSUME_TIME_SPAN (303) at one broker: per write queue of a topic, the store times the broker knows for a
 * group. `delayTime` = the broker's now − store time of the message at the group's consumer offset, i.e. the age of
 * the oldest unconsumed message, 0 when the queue has no lag. This is how the console reads lag in time without
 * pulling messages.
 */
export interface QueueTimeSpan extends MessageQueue {
  /** Store time of the queue's oldest message kept. */
  minTimeStamp: number;
  /** Store time of its newest message. */
  maxTimeStamp: number;
  /** Store time of the last consumed message (consumerOffset − 1), or minTimeStamp without an offset. */
  consumeTimeStamp: number;
  /** Age of the oldest unconsumed message at the broker's clock, 0 without lag. */
  delayTime: number;
}

export function queryConsumeTimeSpanRequest(topic: string, group: string): RemotingRequest {
  return { code: RequestCode.QUERY_CONSUME_TIME_SPAN, extFields: extFields({ topic, group }) };
}

export function decodeConsumeTimeSpan(reply: RemotingCommand): QueueTimeSpan[] {
  const root = asObject(parseFastjson(requireBody(reply, 'QueryConsumeTimeSpanBody')), 'QueryConsumeTimeSpanBody');
  return asArray(root.consumeTimeSpanSet ?? [], 'consumeTimeSpanSet')
    .map((v) => {
      const o = asObject(v, 'QueueTimeSpan');
      return {
        ...decodeMessageQueue(o.messageQueue, 'messageQueue'),
        minTimeStamp: optNumber(o.minTimeStamp) ?? 0,
        maxTimeStamp: optNumber(o.maxTimeStamp) ?? 0,
        consumeTimeStamp: optNumber(o.consumeTimeStamp) ?? 0,
        delayTime: optNumber(o.delayTime) ?? 0,
      };
    })
    .sort(compareMessageQueues);
}

export function queryConsumeTimeSpan(invoker: Invoker, brokerAddr: string, topic: string, group: string, timeoutMs?: number): Promise<QueueTimeSpan[]> {
  return call(invoker, brokerAddr, queryConsumeTimeSpanRequest(topic, group), decodeConsumeTimeSpan, timeoutMs);
}
