import type { StoredMessage, TransactionType } from '../../rocketmq/stored-message';

/** One row of a result list: what an operator scans to pick a message. */
export interface MessageSummary {
  /** The client msgId (UNIQ_KEY), else the offset msgId: what the Java client calls msgId. */
  msgId: string;
  offsetMsgId: string;
  topic: string;
  brokerName: string;
  queueId: number;
  queueOffset: number;
  tags?: string;
  keys: string[];
  storeTimestamp: number;
  bornTimestamp: number;
  bodySize: number;
}

/** Bodies above this are cut in the JSON answer; the whole body is a download. */
export const BODY_INLINE_LIMIT = 256 * 1024;

/** Every system field of a stored message, its properties and its body (base64; the page renders the views). */
export interface MessageView extends MessageSummary {
  uniqKey?: string;
  commitLogOffset: number;
  bornHost: string;
  storeHost: string;
  reconsumeTimes: number;
  preparedTransactionOffset: number;
  sysFlag: number;
  compressed: boolean;
  compressionType?: string;
  transactionType: TransactionType;
  bornHostV6: boolean;
  storeHostV6: boolean;
  properties: Record<string, string>;
  body: {
    base64: string;
    /** Bytes of the (inflated) body. */
    size: number;
    /** True when base64 holds only the first BODY_INLINE_LIMIT bytes. */
    truncated: boolean;
    /** True when the body was flagged compressed and could not be inflated here: base64 is the raw bytes. */
    stillCompressed: boolean;
    error?: string;
    /** Set when the body was kept back from this reader (its role), with the reason; base64 is then empty. */
    withheld?: string;
  };
}

export function toSummary(m: StoredMessage, brokerName: string): MessageSummary {
  // one object, no spread: a range scan makes one per message read
  const summary: MessageSummary = {
    msgId: m.msgId,
    offsetMsgId: m.offsetMsgId,
    topic: m.topic,
    brokerName,
    queueId: m.queueId,
    queueOffset: m.queueOffset,
    keys: m.keys,
    storeTimestamp: m.storeTimestamp,
    bornTimestamp: m.bornTimestamp,
    bodySize: m.body.length,
  };
  if (m.tags !== undefined) summary.tags = m.tags;
  return summary;
}

export function toView(m: StoredMessage, brokerName: string): MessageView {
  const truncated = m.body.length > BODY_INLINE_LIMIT;
  return {
    ...toSummary(m, brokerName),
    ...(m.uniqKey !== undefined ? { uniqKey: m.uniqKey } : {}),
    commitLogOffset: m.commitLogOffset,
    bornHost: m.bornHost,
    storeHost: m.storeHost,
    reconsumeTimes: m.reconsumeTimes,
    preparedTransactionOffset: m.preparedTransactionOffset,
    sysFlag: m.sysFlag,
    compressed: m.sysFlags.compressed,
    ...(m.sysFlags.compressionType ? { compressionType: m.sysFlags.compressionType } : {}),
    transactionType: m.sysFlags.transaction,
    bornHostV6: m.sysFlags.bornHostV6,
    storeHostV6: m.sysFlags.storeHostV6,
    properties: m.properties,
    body: {
      base64: (truncated ? m.body.subarray(0, BODY_INLINE_LIMIT) : m.body).toString('base64'),
      size: m.body.length,
      truncated,
      stillCompressed: m.bodyCompressed,
      ...(m.bodyError ? { error: m.bodyError } : {}),
    },
  };
}

/** The view without its body bytes: for a reader whose role does not include bodies. */
export function withholdBody(view: MessageView, reason: string): MessageView {
  return { ...view, body: { ...view.body, base64: '', truncated: false, withheld: reason } };
}
