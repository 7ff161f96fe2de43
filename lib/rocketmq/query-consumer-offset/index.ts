import { RemotingResponseError, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import type { Invoker } from '../invoke';
import { callForOffset, queueOffsetRequest } from '../queue-offset';

/**
 * QUERY_CONSUMER_OFFSET (14): a group's committed offset on one queue, undefined when it has none (code 22).
 * 5.x answers 0 for a missing offset unless setZeroIfNotFound=false; 4.9 ignores the field and answers 0 while the
 * queue still starts at offset 0.
 */
export function queryConsumerOffsetRequest(consumerGroup: string, topic: string, queueId: number): RemotingRequest {
  return queueOffsetRequest(RequestCode.QUERY_CONSUMER_OFFSET, { consumerGroup, topic, queueId, setZeroIfNotFound: false });
}

export async function queryConsumerOffset(invoker: Invoker, brokerAddr: string, consumerGroup: string, topic: string, queueId: number, timeoutMs?: number): Promise<number | undefined> {
  try {
    return await callForOffset(invoker, brokerAddr, queryConsumerOffsetRequest(consumerGroup, topic, queueId), timeoutMs);
  } catch (error) {
    if (error instanceof RemotingResponseError && error.code === ResponseCode.QUERY_NOT_FOUND) return undefined;
    throw error;
  }
}
