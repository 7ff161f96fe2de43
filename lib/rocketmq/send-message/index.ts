import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** What a console sends: body and properties (TAGS, KEYS, UNIQ_KEY, DELAY, TIMER_DELIVER_MS, user keys). */
export interface OutgoingMessage {
  producerGroup: string;
  topic: string;
  /** A queue id, or -1 for the broker to pick one. */
  queueId: number;
  brokerName: string;
  body: Buffer;
  properties: Record<string, string>;
  bornTimestamp: number;
}

/** Codes that mean the message is stored (10-12: stored, but flushing or the slave was late). */
const STORED = [10, 11, 12];

/** RocketMQ's properties string: name \u0001 value \u0002, repeated. */
export function messageProperties(properties: Record<string, string>): string {
  return Object.entries(properties).map(([k, v]) => `${k}\u0001${v}\u0002`).join('');
}

/** SEND_MESSAGE_V2 (310) at a master, with the header's one-letter field names. */
export function sendMessageRequest(m: OutgoingMessage): RemotingRequest {
  return {
    code: RequestCode.SEND_MESSAGE_V2,
    extFields: extFields({
      a: m.producerGroup,
      b: m.topic,
      c: 'TBW102',
      d: 4,
      e: m.queueId,
      f: 0,
      g: m.bornTimestamp,
      h: 0,
      i: messageProperties(m.properties),
      j: 0,
      k: false,
      m: false,
      n: m.brokerName,
    }),
    body: m.body,
  };
}

export interface SendResult {
  /** The broker's reply code: 0, or 10-12 (stored, but a flush or the slave was late). */
  code: number;
  /** The offset msgId (broker address and commit-log offset). */
  offsetMsgId: string;
  queueId: number;
  queueOffset: number;
  /** UNIQ_KEY: the client msgId. */
  msgId?: string;
}

export function decodeSendResult(reply: RemotingCommand, addr: string): SendResult {
  expectCode(reply, addr, RequestCode.SEND_MESSAGE_V2, ...STORED);
  const f = reply.extFields;
  return { code: reply.code, offsetMsgId: f.msgId ?? '', queueId: Number(f.queueId), queueOffset: Number(f.queueOffset), msgId: f.transactionId };
}

export async function sendMessage(invoker: Invoker, brokerAddr: string, m: OutgoingMessage, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SendResult> {
  return decodeSendResult(await invoker.invoke(brokerAddr, sendMessageRequest(m), { timeoutMs }), brokerAddr);
}
