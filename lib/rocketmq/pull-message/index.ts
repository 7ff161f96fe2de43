import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { decodeStoredMessages, type StoredMessage } from '../stored-message';

/**
 * PULL_MESSAGE (11) for browsing a queue without side effects: as group TOOLS_CONSUMER, which every broker creates
 * at start (so nothing is auto-created), with sysFlag SUBSCRIPTION only: no COMMIT_OFFSET (no offset is written),
 * no SUSPEND (the broker answers at once), the subscription sent inline (no heartbeat needed).
 *
 * Still seen by the broker: 5.x keeps TOOLS_CONSUMER's pull offset and subscription in memory (pullOffsetTable,
 * consumer compensation table). An offset outside [min, max] is answered OFFSET_ILLEGAL, and a 4.9 master then
 * also writes an OffsetMovedEvent message to the topic OFFSET_MOVED_EVENT: clamp offsets with GET_MIN/MAX_OFFSET
 * first. Never pull with a real group: in 5.x that consumes its pending server-side offset reset.
 */
export const TOOLS_CONSUMER_GROUP = 'TOOLS_CONSUMER';

/** PullSysFlag bits. */
export const PullSysFlag = { COMMIT_OFFSET: 1, SUSPEND: 2, SUBSCRIPTION: 4, CLASS_FILTER: 8, LITE_PULL: 16 } as const;

export type PullStatus = 'FOUND' | 'NO_NEW_MSG' | 'NO_MATCHED_MSG' | 'OFFSET_ILLEGAL';

const STATUS: Record<number, PullStatus> = {
  [ResponseCode.SUCCESS]: 'FOUND',
  [ResponseCode.PULL_NOT_FOUND]: 'NO_NEW_MSG',
  [ResponseCode.PULL_RETRY_IMMEDIATELY]: 'NO_MATCHED_MSG',
  [ResponseCode.PULL_OFFSET_MOVED]: 'OFFSET_ILLEGAL',
};

export interface PullParams {
  topic: string;
  queueId: number;
  queueOffset: number;
  /** The broker also stops at its own batch limits (32 messages / 256 KiB from memory by default). */
  maxMsgNums?: number;
  /** Tag expression (`TagA || TagB`, `*` by default), or a SQL92 selector with expressionType SQL92. */
  subscription?: string;
  /** SQL92: the broker evaluates the selector against each message's properties (needs enablePropertyFilter). */
  expressionType?: 'TAG' | 'SQL92';
}

export interface PullResult {
  status: PullStatus;
  /** Where to continue: after the last message returned, or the corrected offset for OFFSET_ILLEGAL. */
  nextBeginOffset: number;
  minOffset: number;
  maxOffset: number;
  /** 0 = read from the master; a master under load may point to a slave. */
  suggestWhichBrokerId: number;
  messages: StoredMessage[];
  /** The broker's remark, e.g. FOUND, OFFSET_OVERFLOW_ONE, OFFSET_TOO_SMALL. */
  remark?: string;
}

export function pullMessageRequest(params: PullParams): RemotingRequest {
  return {
    code: RequestCode.PULL_MESSAGE,
    extFields: extFields({
      consumerGroup: TOOLS_CONSUMER_GROUP,
      topic: params.topic,
      queueId: params.queueId,
      queueOffset: params.queueOffset,
      maxMsgNums: params.maxMsgNums ?? 32,
      sysFlag: PullSysFlag.SUBSCRIPTION,
      commitOffset: 0,
      suspendTimeoutMillis: 0,
      subscription: params.subscription ?? '*',
      subVersion: 0,
      expressionType: params.expressionType ?? 'TAG',
    }),
  };
}

/** Tags of a tag expression, undefined for `*` (FilterAPI.build). */
function tagSet(subscription: string | undefined): Set<string> | undefined {
  const expr = (subscription ?? '*').trim();
  if (expr === '' || expr === '*') return undefined;
  return new Set(expr.split('||').map((t) => t.trim()).filter(Boolean));
}

export function decodePullMessage(reply: RemotingCommand, subscription?: string, addr = '', expressionType: PullParams['expressionType'] = 'TAG'): PullResult {
  expectCode(reply, addr, RequestCode.PULL_MESSAGE, ResponseCode.PULL_NOT_FOUND, ResponseCode.PULL_RETRY_IMMEDIATELY, ResponseCode.PULL_OFFSET_MOVED);
  const h = reply.extFields;
  let messages = reply.code === ResponseCode.SUCCESS && reply.body ? decodeStoredMessages(reply.body) : [];
  // the broker filters tags by hash code; like the Java client, drop the collisions
  const tags = expressionType === 'TAG' ? tagSet(subscription) : undefined;
  if (tags) messages = messages.filter((m) => m.tags !== undefined && tags.has(m.tags));
  return {
    status: STATUS[reply.code]!,
    nextBeginOffset: Number(h.nextBeginOffset ?? 0),
    minOffset: Number(h.minOffset ?? 0),
    maxOffset: Number(h.maxOffset ?? 0),
    suggestWhichBrokerId: Number(h.suggestWhichBrokerId ?? 0),
    messages,
    remark: reply.remark,
  };
}

export async function pullMessage(invoker: Invoker, brokerAddr: string, params: PullParams, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<PullResult> {
  const reply = await invoker.invoke(brokerAddr, pullMessageRequest(params), { timeoutMs });
  return decodePullMessage(reply, params.subscription, brokerAddr, params.expressionType);
}
