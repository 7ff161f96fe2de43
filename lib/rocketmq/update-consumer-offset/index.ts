import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/**
 * UPDATE_CONSUMER_OFFSET (15) at a master: sets a group's committed offset on one queue. On 5.x, while a
 * server-side reset is pending for the queue the broker answers 0 with remark "Offset has been previously reset"
 * and ignores the value, so the result says whether it was applied.
 */
export interface UpdateConsumerOffset {
  consumerGroup: string;
  topic: string;
  queueId: number;
  commitOffset: number;
}

export function updateConsumerOffsetRequest(u: UpdateConsumerOffset, brokerName?: string): RemotingRequest {
  return { code: RequestCode.UPDATE_CONSUMER_OFFSET, extFields: extFields({ ...u, bname: brokerName }) };
}

export function decodeUpdateConsumerOffset(reply: RemotingCommand, addr = ''): { applied: boolean; remark?: string } {
  expectCode(reply, addr, RequestCode.UPDATE_CONSUMER_OFFSET);
  return { applied: !/previously reset/i.test(reply.remark ?? ''), remark: reply.remark };
}

export async function updateConsumerOffset(
  invoker: Invoker,
  brokerAddr: string,
  u: UpdateConsumerOffset,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<{ applied: boolean; remark?: string }> {
  const reply = await invoker.invoke(brokerAddr, updateConsumerOffsetRequest(u), { timeoutMs });
  return decodeUpdateConsumerOffset(reply, brokerAddr);
}
