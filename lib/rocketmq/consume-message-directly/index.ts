import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asObject, optBoolean, optNumber, optString, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';
import { decodeOffsetMessageId } from '../message-id';

/**
 * CONSUME_MESSAGE_DIRECTLY (309): asks one online client of a group to run its listener on one message now, outside
 * its normal flow (no offset moves, no retry on failure). Sent to the broker that stored the message: it reads the
 * record at the msgId's commit-log offset (only the offset part of the id is used), relays it to the client's
 * channel and waits up to 10 s for the client's answer. Failures: code 1 "The Consumer <g> <id> not online",
 * 207 when the client does not answer in time, 1 "... not exist in this consumer" for a client of another group.
 */
export const CONSUME_DIRECTLY_TIMEOUT_MS = 15_000;

export type ConsumeResult = 'CR_SUCCESS' | 'CR_LATER' | 'CR_ROLLBACK' | 'CR_COMMIT' | 'CR_THROW_EXCEPTION' | 'CR_RETURN_NULL';

export interface ConsumeMessageDirectlyResult {
  /** The client consumes orderly. */
  order: boolean;
  autoCommit: boolean;
  consumeResult?: ConsumeResult;
  /** The listener's exception, if any. */
  remark?: string;
  spentTimeMills: number;
}

export interface ConsumeDirectlyParams {
  consumerGroup: string;
  clientId: string;
  /** The offset msgId (store host + commit-log offset), not the UNIQ_KEY. */
  offsetMsgId: string;
  /** 5.x uses it for ACL and the topic's sysFlag; 4.9 ignores it. */
  topic?: string;
}

export function consumeMessageDirectlyRequest(params: ConsumeDirectlyParams): RemotingRequest {
  return {
    code: RequestCode.CONSUME_MESSAGE_DIRECTLY,
    extFields: extFields({ consumerGroup: params.consumerGroup, clientId: params.clientId, msgId: params.offsetMsgId, topic: params.topic }),
  };
}

export function decodeConsumeMessageDirectlyResult(reply: RemotingCommand): ConsumeMessageDirectlyResult {
  const o = asObject(parseFastjson(requireBody(reply, 'ConsumeMessageDirectlyResult')), 'ConsumeMessageDirectlyResult');
  return {
    order: optBoolean(o.order) ?? false,
    autoCommit: optBoolean(o.autoCommit) ?? true,
    consumeResult: optString(o.consumeResult) as ConsumeResult | undefined,
    remark: optString(o.remark),
    spentTimeMills: optNumber(o.spentTimeMills) ?? 0,
  };
}

/** Sends to the store host named by the offset msgId unless `brokerAddr` says otherwise. */
export function consumeMessageDirectly(
  invoker: Invoker,
  params: ConsumeDirectlyParams,
  { brokerAddr, timeoutMs = CONSUME_DIRECTLY_TIMEOUT_MS }: { brokerAddr?: string; timeoutMs?: number } = {},
): Promise<ConsumeMessageDirectlyResult> {
  const addr = brokerAddr ?? decodeOffsetMessageId(params.offsetMsgId)?.address;
  if (!addr) throw new TypeError(`not a message id: ${params.offsetMsgId}`);
  return call(invoker, addr, consumeMessageDirectlyRequest(params), decodeConsumeMessageDirectlyResult, timeoutMs);
}
