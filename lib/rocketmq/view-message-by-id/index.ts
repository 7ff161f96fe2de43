import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { decodeOffsetMessageId } from '../message-id';
import { decodeStoredMessage, type StoredMessage } from '../stored-message';

/**
 * VIEW_MESSAGE_BY_ID (33) at the broker that stored the message: the record at a commit-log offset, which an
 * offset msgId carries together with the broker's ip:port. 5.3+ headers also carry the topic (for ACL 2.0); older
 * brokers ignore it. An offset past the log, or deleted, is code 1 "can not find message by the offset".
 */
export type ViewMessageResult =
  | { found: true; message: StoredMessage }
  | { found: false; reason: string };

export function viewMessageByIdRequest(commitLogOffset: number, topic?: string): RemotingRequest {
  return { code: RequestCode.VIEW_MESSAGE_BY_ID, extFields: extFields({ topic, offset: commitLogOffset }) };
}

export function decodeViewMessage(reply: RemotingCommand, commitLogOffset: number, addr = ''): ViewMessageResult {
  if (reply.code === ResponseCode.SYSTEM_ERROR && /can not find message/i.test(reply.remark ?? '')) {
    return { found: false, reason: reply.remark! };
  }
  expectCode(reply, addr, RequestCode.VIEW_MESSAGE_BY_ID);
  if (!reply.body || reply.body.length === 0) return { found: false, reason: 'empty reply' };
  // the broker reads a size at the offset and returns that many bytes, message or not: an offset inside a record
  // gives bytes that do not decode, or a record that does not start there
  try {
    const message = decodeStoredMessage(reply.body);
    if (message.commitLogOffset !== commitLogOffset) {
      return { found: false, reason: `no message starts at offset ${commitLogOffset} (found one at ${message.commitLogOffset})` };
    }
    return { found: true, message };
  } catch (error) {
    return { found: false, reason: `no message starts at offset ${commitLogOffset}: ${(error as Error).message}` };
  }
}

export async function viewMessageById(
  invoker: Invoker,
  brokerAddr: string,
  commitLogOffset: number,
  topic?: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ViewMessageResult> {
  const reply = await invoker.invoke(brokerAddr, viewMessageByIdRequest(commitLogOffset, topic), { timeoutMs });
  return decodeViewMessage(reply, commitLogOffset, brokerAddr);
}

/**
 * Looks an offset msgId up at the address it names. Check first that the address is a broker of the cluster
 * (classifyMessageId): a client msgId read as an offset id names a host that may not answer at all.
 */
export function viewMessageByOffsetMsgId(invoker: Invoker, offsetMsgId: string, topic?: string, timeoutMs?: number): Promise<ViewMessageResult> {
  const id = decodeOffsetMessageId(offsetMsgId);
  if (!id) throw new TypeError(`not a message id: ${offsetMsgId}`);
  return viewMessageById(invoker, id.address, id.commitLogOffset, topic, timeoutMs);
}
