import { pullMessage } from '../../rocketmq/pull-message';
import type { StoredMessage } from '../../rocketmq/stored-message';
import type { AdminClient } from '../core/admin';
import type { MessageView } from './model';

/** The messages a producer sent in one batch (producer.send(List)): stored together in one put. */
export interface BatchView {
  size: number;
  /** This message's place in the batch, from 1. */
  position: number;
  members: Array<{ msgId: string; offsetMsgId: string; queueOffset: number; keys: string[]; tags?: string }>;
  /** The batch may go on past the messages read around this one (more than 31 on a side). */
  complete: boolean;
}

const SIDE = 31;

/**
 * A batch is stored by one put: consecutive queue offsets, back to back in the commit log, with one born time,
 * born host and store time. Reads the queue around the message and keeps the neighbours that share all of that.
 */
export async function batchOf(admin: AdminClient, message: MessageView): Promise<BatchView | undefined> {
  const node = (await admin.readableBrokers()).find((n) => n.brokerName === message.brokerName);
  if (!node) return undefined;
  const timeout = admin.config.requestTimeoutMs;
  const from = Math.max(0, message.queueOffset - SIDE);
  const [before, after] = await Promise.all([
    pullMessage(admin, node.addr, { topic: message.topic, queueId: message.queueId, queueOffset: from, maxMsgNums: message.queueOffset - from + 1 }, timeout),
    pullMessage(admin, node.addr, { topic: message.topic, queueId: message.queueId, queueOffset: message.queueOffset + 1, maxMsgNums: SIDE }, timeout),
  ]);
  const around = [...before.messages, ...after.messages].sort((a, b) => a.queueOffset - b.queueOffset);
  const at = around.findIndex((m) => m.queueOffset === message.queueOffset && m.commitLogOffset === message.commitLogOffset);
  if (at < 0) return undefined;
  let first = at;
  while (first > 0 && together(around[first - 1]!, around[first]!)) first--;
  let last = at;
  while (last < around.length - 1 && together(around[last]!, around[last + 1]!)) last++;
  if (first === last) return undefined;
  const members = around.slice(first, last + 1);
  return {
    size: members.length,
    position: at - first + 1,
    members: members.map((m) => ({ msgId: m.msgId, offsetMsgId: m.offsetMsgId, queueOffset: m.queueOffset, keys: m.keys, tags: m.tags })),
    // touching the edge of what was read, with more of the queue beyond it: there may be more members
    complete: !(first === 0 && from > 0) && !(last === around.length - 1 && after.messages.length === SIDE),
  };
}

function together(a: StoredMessage, b: StoredMessage): boolean {
  return (
    b.queueOffset === a.queueOffset + 1 &&
    b.commitLogOffset === a.commitLogOffset + a.storeSize &&
    a.bornTimestamp === b.bornTimestamp &&
    a.bornHost === b.bornHost &&
    a.storeTimestamp === b.storeTimestamp
  );
}
