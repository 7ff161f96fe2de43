import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { asObject, entries, optObject, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { compareMessageQueues, decodeMessageQueue, type MessageQueue } from '../message-queue';

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (222) at a master. 5.1+ (useServerSideResetOffset): the broker resets the group
 * itself, online or offline; with queueId >= 0 and offset != -1 it sets that offset (within [min, max]).
 * 4.9: the broker pushes the new offsets to the online clients and answers CONSUMER_NOT_ONLINE (206) when none is,
 * changing nothing; callers then fall back to UPDATE_CONSUMER_OFFSET per queue (as mqadmin does).
 */
export interface ResetOffsetRequest {
  topic: string;
  group: string;
  /** epoch ms; -1 = the max offset ("skip backlog"). */
  timestamp: number;
  isForce: boolean;
  /** 5.1+: one queue, and an explicit offset for it. */
  queueId?: number;
  offset?: number;
}

export type ResetOffsetResult =
  | { kind: 'reset'; offsets: Array<MessageQueue & { offset: number }> }
  | { kind: 'not-online'; remark?: string };

export function invokeBrokerToResetOffsetRequest(r: ResetOffsetRequest): RemotingRequest {
  // the header field is literally "isForce" (ResetOffsetRequestHeader)
  return {
    code: RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
    extFields: extFields({ topic: r.topic, group: r.group, timestamp: r.timestamp, isForce: r.isForce, queueId: r.queueId, offset: r.offset }),
  };
}

export function decodeResetOffset(reply: RemotingCommand, addr = ''): ResetOffsetResult {
  expectCode(reply, addr, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, ResponseCode.CONSUMER_NOT_ONLINE);
  if (reply.code === ResponseCode.CONSUMER_NOT_ONLINE) return { kind: 'not-online', remark: reply.remark };
  const offsets: Array<MessageQueue & { offset: number }> = [];
  if (reply.body && reply.body.length > 0) {
    const root = asObject(parseFastjson(reply.body), 'ResetOffsetBody');
    for (const [key, value] of entries(optObject(root.offsetTable) ?? {})) {
      offsets.push({ ...decodeMessageQueue(key, 'offsetTable key'), offset: Number(value) });
    }
  }
  return { kind: 'reset', offsets: offsets.sort(compareMessageQueues) };
}

export async function invokeBrokerToResetOffset(invoker: Invoker, brokerAddr: string, r: ResetOffsetRequest, timeoutMs = DEFAULT_TIMEOUT_MS * 3): Promise<ResetOffsetResult> {
  const reply = await invoker.invoke(brokerAddr, invokeBrokerToResetOffsetRequest(r), { timeoutMs });
  return decodeResetOffset(reply, brokerAddr);
}
