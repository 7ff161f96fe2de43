import { asNumber, asObject, asString, type JsonValue } from './fastjson';

/** A queue of a topic on one broker: the key of most offset tables. */
export interface MessageQueue {
  topic: string;
  brokerName: string;
  queueId: number;
}

export function decodeMessageQueue(value: JsonValue | undefined, what = 'MessageQueue'): MessageQueue {
  const o = asObject(value, what);
  return { topic: asString(o.topic, `${what}.topic`), brokerName: asString(o.brokerName, `${what}.brokerName`), queueId: asNumber(o.queueId, `${what}.queueId`) };
}

/** MessageQueue.compareTo: topic, then brokerName, then queueId (mqadmin prints rows in this order). */
export function compareMessageQueues(a: MessageQueue, b: MessageQueue): number {
  return cmp(a.topic, b.topic) || cmp(a.brokerName, b.brokerName) || a.queueId - b.queueId;
}

/** Java String.compareTo order (UTF-16 code units), not the locale's. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
