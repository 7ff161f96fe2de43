/**
 * Message trace records, as the Java client's AsyncTraceDispatcher writes them into the body of messages on the
 * trace topic (TraceDataEncoder): each record ends with U+0002, its fields are separated by U+0001. One trace message
 * batches records of many messages, so look a message up by its msgId in the trace topic's index, then keep the
 * records whose msgId is that one (recordsOf). Java nulls arrive as the text "null" (4.9 wrote regionId "null" in
 * SubBefore) and are kept as written.
 */

/** MessageType ordinals written in Pub and EndTransaction records. */
export const TRACE_MESSAGE_TYPES = ['Normal_Msg', 'Trans_Msg_Half', 'Trans_msg_Commit', 'Delay_Msg', 'Order_Msg'] as const;
export type TraceMessageType = (typeof TRACE_MESSAGE_TYPES)[number] | `unknown(${number})`;

/** ConsumeReturnType ordinals in SubAfter's contextCode. */
export const CONSUME_CONTEXT_CODES = ['SUCCESS', 'TIME_OUT', 'EXCEPTION', 'RETURNNULL', 'FAILED'] as const;

/** The fields a producer writes for a send and for its transaction's end alike. */
interface ProducerSide {
  timestamp: number;
  regionId: string;
  /** Producer group. */
  groupName: string;
  topic: string;
  /** Client msgId (UNIQ_KEY). */
  msgId: string;
  tags: string;
  keys: string;
  storeHost: string;
  msgType: TraceMessageType;
}

export interface PubRecord extends ProducerSide {
  type: 'Pub';
  bodyLength: number;
  costTime: number;
  /** 14+ fields only. */
  offsetMsgId?: string;
  /** 13+ fields only. */
  success?: boolean;
  /** 15 fields only (older clients). */
  clientHost?: string;
}

export interface SubBeforeRecord {
  type: 'SubBefore';
  timestamp: number;
  regionId: string;
  /** Consumer group. */
  groupName: string;
  /** One per consume batch: pair with SubAfter by requestId and msgId. */
  requestId: string;
  msgId: string;
  retryTimes: number;
  keys: string;
}

export interface SubAfterRecord {
  type: 'SubAfter';
  requestId: string;
  msgId: string;
  /** The batch's time divided by its message count. */
  costTime: number;
  success: boolean;
  keys: string;
  /** 7+ fields: index into CONSUME_CONTEXT_CODES. */
  contextCode?: number;
  /** 9 fields (cloud clients omit them). */
  timestamp?: number;
  groupName?: string;
}

export interface EndTransactionRecord extends ProducerSide {
  type: 'EndTransaction';
  transactionId: string;
  /** COMMIT_MESSAGE, ROLLBACK_MESSAGE or UNKNOW. */
  transactionState: string;
  fromTransactionCheck: boolean;
}

/** 5.3.2+: a delayed message recalled before delivery. */
export interface RecallRecord {
  type: 'Recall';
  timestamp: number;
  regionId: string;
  groupName: string;
  topic: string;
  msgId: string;
  success: boolean;
}

export type TraceRecord = PubRecord | SubBeforeRecord | SubAfterRecord | EndTransactionRecord | RecallRecord;

/** Java's Boolean.parseBoolean. */
const bool = (s: string | undefined): boolean => s?.toLowerCase() === 'true';

function int(s: string | undefined): number {
  const n = Number(s);
  if (s === undefined || s.trim() === '' || !Number.isInteger(n)) throw new TypeError(`not an integer: ${s}`);
  return n;
}

const msgType = (s: string): TraceMessageType => TRACE_MESSAGE_TYPES[int(s)] ?? `unknown(${int(s)})`;

/** One record from its fields; undefined for an unknown type or too few fields. Throws on a malformed number. */
function record(f: string[]): TraceRecord | undefined {
  switch (f[0]) {
    case 'Pub':
      if (f.length < 12) return undefined;
      return {
        type: 'Pub', timestamp: int(f[1]), regionId: f[2]!, groupName: f[3]!, topic: f[4]!, msgId: f[5]!, tags: f[6]!,
        keys: f[7]!, storeHost: f[8]!, bodyLength: int(f[9]), costTime: int(f[10]), msgType: msgType(f[11]!),
        // 13 fields: success at 12; 14: offsetMsgId, success; 15+: and the client host
        ...(f.length === 13 ? { success: bool(f[12]) } : {}),
        ...(f.length >= 14 ? { offsetMsgId: f[12], success: bool(f[13]) } : {}),
        ...(f.length >= 15 ? { clientHost: f[14] } : {}),
      };
    case 'SubBefore':
      if (f.length < 7) return undefined;
      return {
        type: 'SubBefore', timestamp: int(f[1]), regionId: f[2]!, groupName: f[3]!, requestId: f[4]!, msgId: f[5]!,
        retryTimes: int(f[6]), keys: f[7] ?? '',
      };
    case 'SubAfter':
      if (f.length < 5) return undefined;
      return {
        type: 'SubAfter', requestId: f[1]!, msgId: f[2]!, costTime: int(f[3]), success: bool(f[4]), keys: f[5] ?? '',
        ...(f.length >= 7 ? { contextCode: int(f[6]) } : {}),
        ...(f.length >= 9 ? { timestamp: int(f[7]), groupName: f[8] } : {}),
      };
    case 'EndTransaction':
      if (f.length < 12) return undefined;
      return {
        type: 'EndTransaction', timestamp: int(f[1]), regionId: f[2]!, groupName: f[3]!, topic: f[4]!, msgId: f[5]!,
        tags: f[6]!, keys: f[7]!, storeHost: f[8]!, msgType: msgType(f[9]!), transactionId: f[10]!, transactionState: f[11]!,
        fromTransactionCheck: bool(f[12]),
      };
    case 'Recall':
      if (f.length < 6) return undefined;
      return { type: 'Recall', timestamp: int(f[1]), regionId: f[2]!, groupName: f[3]!, topic: f[4]!, msgId: f[5]!, success: bool(f[6]) };
    default:
      return undefined;
  }
}

/** Java's String.split: trailing empty strings are dropped. */
function javaSplit(text: string, separator: string): string[] {
  const parts = text.split(separator);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export interface DecodedTraceBody {
  records: TraceRecord[];
  /** Records we could not read (unknown type, too few fields, a bad number), as their raw text. */
  skipped: string[];
}

/** Every record of one trace message body (already inflated). Empty records are dropped, as Java does. */
export function decodeTraceBody(body: string | Buffer): DecodedTraceBody {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const out: DecodedTraceBody = { records: [], skipped: [] };
  for (const raw of javaSplit(text, '\u0002')) {
    const fields = javaSplit(raw, '\u0001');
    if (fields.length === 0) continue;
    try {
      const r = record(fields);
      if (r) out.records.push(r);
      else out.skipped.push(raw);
    } catch {
      out.skipped.push(raw);
    }
  }
  return out;
}

/** The records that trace one message: the index also matches its keys, and hash collisions happen. */
export function recordsOf(records: TraceRecord[], msgId: string): TraceRecord[] {
  return records.filter((r) => r.msgId === msgId);
}
