import { CONSUME_CONTEXT_CODES, type TraceMessageType } from '../../rocketmq/trace-records';
import type { TraceEntry } from './source';

export interface TracePub {
  producerGroup: string;
  clientHost: string;
  topic: string;
  tags: string;
  keys: string;
  /** When the producer began the send. */
  sendTime: number;
  costMs: number;
  status: 'success' | 'failed';
  storeHost: string;
  offsetMsgId?: string;
  msgType: TraceMessageType;
  bodyLength: number;
}

export interface TraceTransaction {
  producerGroup: string;
  clientHost: string;
  time: number;
  transactionId: string;
  /** COMMIT_MESSAGE, ROLLBACK_MESSAGE or UNKNOW. */
  transactionState: string;
  fromTransactionCheck: boolean;
}

/** One delivery of the message to a consumer: a SubBefore and its SubAfter (by requestId). */
export interface TraceAttempt {
  requestId: string;
  /** 0 on the first delivery, n on the n-th redelivery. */
  retryTimes?: number;
  clientHost: string;
  /** When the listener began (SubBefore); undefined when only the SubAfter arrived. */
  beginTime?: number;
  /** When it returned (SubAfter, 9-field records only). */
  endTime?: number;
  costMs?: number;
  /** pending: a SubBefore without its SubAfter (still consuming, crashed, or the trace was lost). */
  status: 'success' | 'failed' | 'pending';
  /** SUCCESS, TIME_OUT, EXCEPTION, RETURNNULL or FAILED. */
  result?: string;
}

export interface TraceGroup {
  group: string;
  attempts: TraceAttempt[];
  /** The last attempt succeeded. */
  consumed: boolean;
}

export interface AssembledTrace {
  msgId: string;
  topic?: string;
  pubs: TracePub[];
  transactions: TraceTransaction[];
  groups: TraceGroup[];
  /** Records of this message, all kinds (for the raw view and for counting against mqadmin). */
  recordCount: number;
}

/** Builds the picture of one message from the trace records read for it; records of other messages are ignored. */
export function assembleTrace(msgId: string, entries: TraceEntry[]): AssembledTrace {
  const pubs: TracePub[] = [];
  const transactions: TraceTransaction[] = [];
  const attempts = new Map<string, TraceAttempt & { group?: string; sortTime: number }>();
  let recordCount = 0;
  const attempt = (requestId: string, clientHost: string) => {
    let a = attempts.get(requestId);
    if (!a) {
      a = { requestId, clientHost, status: 'pending', sortTime: 0 };
      attempts.set(requestId, a);
    }
    return a;
  };
  for (const { record: r, clientHost } of entries) {
    if (r.msgId !== msgId) continue;
    recordCount += 1;
    switch (r.type) {
      case 'Pub':
        pubs.push({
          producerGroup: r.groupName, clientHost: r.clientHost ?? clientHost, topic: r.topic, tags: r.tags, keys: r.keys, sendTime: r.timestamp,
          costMs: r.costTime, status: r.success ?? true ? 'success' : 'failed', storeHost: r.storeHost, offsetMsgId: r.offsetMsgId,
          msgType: r.msgType, bodyLength: r.bodyLength,
        });
        break;
      case 'EndTransaction':
        transactions.push({ producerGroup: r.groupName, clientHost, time: r.timestamp, transactionId: r.transactionId, transactionState: r.transactionState, fromTransactionCheck: r.fromTransactionCheck });
        break;
      case 'SubBefore': {
        const a = attempt(r.requestId, clientHost);
        a.group = r.groupName;
        a.retryTimes = r.retryTimes;
        a.beginTime = r.timestamp;
        a.sortTime = r.timestamp;
        break;
      }
      case 'SubAfter': {
        const a = attempt(r.requestId, clientHost);
        a.group ??= r.groupName;
        a.costMs = r.costTime;
        a.status = r.success ? 'success' : 'failed';
        if (r.timestamp !== undefined) a.endTime = r.timestamp;
        if (r.contextCode !== undefined) a.result = CONSUME_CONTEXT_CODES[r.contextCode] ?? `code ${r.contextCode}`;
        a.sortTime ||= r.timestamp ?? 0;
        break;
      }
      default:
        break;
    }
  }
  const byGroup = new Map<string, TraceAttempt[]>();
  for (const a of [...attempts.values()].sort((x, y) => x.sortTime - y.sortTime || (x.retryTimes ?? 0) - (y.retryTimes ?? 0))) {
    const { group = '(unknown group)', sortTime: _sortTime, ...rest } = a;
    byGroup.set(group, [...(byGroup.get(group) ?? []), rest]);
  }
  const groups = [...byGroup].map(([group, list]) => ({ group, attempts: list, consumed: list.at(-1)?.status === 'success' }));
  groups.sort((a, b) => a.group.localeCompare(b.group));
  pubs.sort((a, b) => a.sendTime - b.sendTime);
  return { msgId, topic: pubs[0]?.topic, pubs, transactions, groups, recordCount };
}
