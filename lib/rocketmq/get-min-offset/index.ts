import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import type { Invoker } from '../invoke';
import { callForOffset, queueOffsetRequest } from '../queue-offset';

/** GET_MIN_OFFSET (31): the oldest offset still kept in a queue. */
export function getMinOffsetRequest(topic: string, queueId: number): RemotingRequest {
  return queueOffsetRequest(RequestCode.GET_MIN_OFFSET, { topic, queueId });
}

export function getMinOffset(invoker: Invoker, brokerAddr: string, topic: string, queueId: number, timeoutMs?: number): Promise<number> {
  return callForOffset(invoker, brokerAddr, getMinOffsetRequest(topic, queueId), timeoutMs);
}
