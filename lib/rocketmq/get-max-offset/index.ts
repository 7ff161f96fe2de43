import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import type { Invoker } from '../invoke';
import { callForOffset, queueOffsetRequest } from '../queue-offset';

/** GET_MAX_OFFSET (30): the next offset to be written in a queue. */
export function getMaxOffsetRequest(topic: string, queueId: number): RemotingRequest {
  return queueOffsetRequest(RequestCode.GET_MAX_OFFSET, { topic, queueId });
}

export function getMaxOffset(invoker: Invoker, brokerAddr: string, topic: string, queueId: number, timeoutMs?: number): Promise<number> {
  return callForOffset(invoker, brokerAddr, getMaxOffsetRequest(topic, queueId), timeoutMs);
}
