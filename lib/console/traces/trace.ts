import { classifyMessageId } from '../../rocketmq/message-id';
import type { ClusterContext } from '../context';
import { BadInputError, ConsoleError, NotFoundError } from '../core/errors';
import type { BrokerFailure } from '../core/fanout';
import { findMessageById } from '../messages/lookup';
import { routeTargets } from '../messages/targets';
import { assembleTrace, type AssembledTrace } from './assembly';
import { readTraceRecords } from './source';
import { trackMessage, type GroupTrack } from '../messages/tracks';

export interface MessageTrace extends AssembledTrace {
  traceTopic: string;
  /** The stored message's time and place, when it could be read. */
  stored?: { storeTimestamp: number; bornTimestamp: number; brokerName: string; queueId: number; queueOffset: number; offsetMsgId: string };
  /** Groups consuming the topic with no delivery in the trace, and where they stand (from their offsets). */
  notConsumed: GroupTrack[];
  /** Records that did not decode, as text. */
  skipped: string[];
  more: boolean;
  failures: BrokerFailure[];
  asOf: number;
}

/**
 * The trace of one message by its client msgId: its Pub, transaction and consume records from the trace topic,
 * assembled (= mqadmin queryMsgTraceById), plus the stored message and the subscribed groups that have no delivery.
 */
export async function getMessageTrace(ctx: ClusterContext, input: { msgId: string; topic?: string }): Promise<MessageTrace> {
  const { admin } = ctx;
  const { topic } = input;
  const reading = classifyMessageId(input.msgId, []);
  if (!reading.valid) throw new BadInputError(`msgId: ${reading.reason}`, 'msgId');
  const read = await readTraceRecords(admin, reading.id);
  const assembled = assembleTrace(reading.id, read.entries);
  const failures = [...read.failures];
  const resolvedTopic = topic ?? assembled.topic;
  if (assembled.recordCount === 0 && failures.length === 0 && !resolvedTopic) {
    throw new NotFoundError(`no trace of message ${reading.id} in ${read.traceTopic}: was the producer's trace on (enableMsgTrace), and is this the client msgId?`, 'msgId');
  }
  let stored: MessageTrace['stored'];
  let notConsumed: GroupTrack[] = [];
  if (resolvedTopic) {
    try {
      // a broker that did not answer the trace read is not asked again: one frozen broker costs one timeout
      const silent = new Set(failures.map((f) => f.brokerName));
      const found = await findMessageById(admin, reading.id, resolvedTopic, silent);
      const m = found.messages[0];
      failures.push(...found.failures);
      for (const f of found.failures) silent.add(f.brokerName);
      if (m) {
        stored = { storeTimestamp: m.storeTimestamp, bornTimestamp: m.bornTimestamp, brokerName: m.brokerName, queueId: m.queueId, queueOffset: m.queueOffset, offsetMsgId: m.offsetMsgId };
        const tracked = await trackMessage(admin, m, (await routeTargets(admin, m.topic)).filter((t) => !silent.has(t.brokerName)));
        const traced = new Set(assembled.groups.map((g) => g.group));
        notConsumed = tracked.tracks.filter((t) => !traced.has(t.group));
        failures.push(...tracked.failures);
      }
    } catch (error) {
      // the trace stands without the stored message (deleted by retention, or a topic typed wrong)
      if (!(error instanceof ConsoleError)) throw error;
    }
  }
  return { ...assembled, topic: resolvedTopic, traceTopic: read.traceTopic, stored, notConsumed, skipped: read.skipped, more: read.more, failures, asOf: Date.now() };
}

export interface KeyTraceItem extends AssembledTrace {
  sendTime?: number;
}

/** The traces of every message with a key (trace messages are indexed by the traced messages' keys too). */
export async function getTracesByKey(ctx: ClusterContext, input: { key: string; topic?: string }): Promise<{ key: string; topic?: string; traceTopic: string; items: KeyTraceItem[]; more: boolean; failures: BrokerFailure[]; asOf: number }> {
  const { admin } = ctx;
  const { key, topic } = input;
  const read = await readTraceRecords(admin, key);
  const ids = new Set<string>();
  for (const { record } of read.entries) {
    if (record.type === 'Pub' && record.keys.split(' ').includes(key) && (!topic || record.topic === topic)) ids.add(record.msgId);
  }
  const items = [...ids].map((id) => {
    const t = assembleTrace(id, read.entries);
    return { ...t, sendTime: t.pubs[0]?.sendTime };
  });
  items.sort((a, b) => (b.sendTime ?? 0) - (a.sendTime ?? 0));
  return { key, topic, traceTopic: read.traceTopic, items, more: read.more, failures: read.failures, asOf: Date.now() };
}
