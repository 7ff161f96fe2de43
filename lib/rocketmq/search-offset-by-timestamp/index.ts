import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import type { Invoker } from '../invoke';
import { callForOffset, queueOffsetRequest } from '../queue-offset';

/**
 * SEARCH_OFFSET_BY_TIMESTAMP (29): the offset of the first message stored at or after `timestamp` in a queue
 * (5.1.4+ also takes boundaryType LOWER/UPPER). The broker clamps to [min, max]. 4.9 binary-searches less strictly:
 * any of several messages stored in that very millisecond, and without an exact match the nearer neighbour, which
 * may be the message just before the time.
 */
export function searchOffsetByTimestampRequest(topic: string, queueId: number, timestamp: number, brokerName?: string): RemotingRequest {
  return queueOffsetRequest(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, { topic, queueId, timestamp, bname: brokerName });
}

export function searchOffsetByTimestamp(invoker: Invoker, brokerAddr: string, topic: string, queueId: number, timestamp: number, timeoutMs?: number): Promise<number> {
  return callForOffset(invoker, brokerAddr, searchOffsetByTimestampRequest(topic, queueId, timestamp), timeoutMs);
}
