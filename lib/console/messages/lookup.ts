import { classifyMessageId } from '../../rocketmq/message-id';
import type { StoredMessage } from '../../rocketmq/stored-message';
import { viewMessageByOffsetMsgId } from '../../rocketmq/view-message-by-id';
import type { AdminClient } from '../core/admin';
import { BadInputError, NotFoundError } from '../core/errors';
import type { BrokerFailure } from '../core/fanout';
import { SCHEDULE_TOPIC, TIMER_TOPIC } from '../core/names';
import { routeIfExists } from '../core/routes';
import { queryIndex } from './index-query';
import { toView, type MessageView } from './model';
import { brokerNamesByAddr, goneFromRoute, routeTargets } from './targets';
import { topicOfTracedMessage } from '../traces/source';

export interface LookupResult {
  /** The id as looked up (trimmed, uppercase). */
  id: string;
  /** offset: store host + commit-log offset, read with VIEW_MESSAGE_BY_ID; unique-key: the client msgId, from the index. */
  kind: 'offset' | 'unique-key';
  topic: string;
  /** Where the topic came from when it was not given: a trace record of the message. */
  topicFrom: 'input' | 'message' | 'trace';
  /** Every stored copy (a producer retry can store one id twice), newest first. */
  messages: MessageView[];
  /** The same messages as decoded, whole bodies included (for the body download). */
  raw: StoredMessage[];
  failures: BrokerFailure[];
}

/** Windows of a unique-key lookup: the whole index, as mqadmin queryMsgByUniqueKey asks (0 .. far future). */
const FAR_FUTURE_MS = 24 * 3600_000;

/**
 * Finds a message by either kind of id. An id whose decoded store address is a broker of the cluster is read there
 * as an offset msgId; otherwise (or when nothing is stored there) it is a client msgId, looked up in the topic's
 * index with the unique-key flag on every broker of the route. Without a topic, the trace topic names it.
 */
/**
 * `skip`: brokers that did not answer an earlier step of the same request (a trace read first): they are not asked
 * again, so one frozen broker costs the request one timeout, not one per step. Their failures are the caller's.
 */
export async function findMessageById(admin: AdminClient, input: string, topic?: string, skip: ReadonlySet<string> = new Set()): Promise<LookupResult> {
  const names = await brokerNamesByAddr(admin);
  const reading = classifyMessageId(input, names.keys());
  if (!reading.valid) throw new BadInputError(`msgId: ${reading.reason}`, 'msgId');
  const { id } = reading;
  if (reading.plausible === 'offset' && reading.asOffset) {
    const found = await viewMessageByOffsetMsgId(admin, id, topic, admin.config.requestTimeoutMs);
    if (found.found) {
      const brokerName = names.get(reading.asOffset.address) ?? reading.asOffset.address;
      return { id, kind: 'offset', topic: found.message.topic, topicFrom: topic ? 'input' : 'message', messages: [toView(found.message, brokerName)], raw: [found.message], failures: [] };
    }
  }
  let topicFrom: LookupResult['topicFrom'] = 'input';
  let failures: BrokerFailure[] = [];
  if (!topic) {
    const traced = await topicOfTracedMessage(admin, id);
    failures = traced.failures;
    skip = new Set([...skip, ...failures.map((f) => f.brokerName)]);
    if (!traced.topic) {
      throw new NotFoundError(
        `no message ${id} at a broker's commit log, and no trace record names its topic${failures.length ? ` (${failures.map((f) => f.brokerName).join(', ')} did not answer)` : ''}: give the topic to look the client msgId up in its index`,
        'topic',
      );
    }
    topic = traced.topic;
    topicFrom = 'trace';
  }
  const routed = await routeTargets(admin, topic);
  failures = [...failures, ...(await goneFromRoute(admin, topic, routed.map((t) => t.brokerName)))];
  const targets = routed.filter((t) => !skip.has(t.brokerName));
  let result = await queryIndex(admin, targets, { topic, key: id, begin: 0, end: Date.now() + FAR_FUTURE_MS, limit: 32, uniqueKey: true }, admin.config.fanOutDeadlineMs * 2);
  failures = [...failures, ...result.failures];
  if (result.hits.length === 0) {
    // a delayed or timer message not yet due is indexed under the topic it waits in, not under its own
    const waiting = await findWaiting(admin, id, topic, new Set([...skip, ...result.failures.map((f) => f.brokerName)]));
    if (waiting) {
      result = waiting.result;
      topic = waiting.topic;
      failures = [...failures, ...waiting.result.failures];
    }
  }
  if (result.hits.length === 0 && failures.length === 0) {
    throw new NotFoundError(`no message ${id} in topic ${topic}: neither a client msgId in its index nor an offset msgId of a broker`, 'msgId');
  }
  return { id, kind: 'unique-key', topic, topicFrom, messages: result.hits.map((h) => toView(h.message, h.brokerName)), raw: result.hits.map((h) => h.message), failures };
}

async function findWaiting(admin: AdminClient, id: string, realTopic: string, skip: ReadonlySet<string>) {
  for (const topic of [SCHEDULE_TOPIC, TIMER_TOPIC]) {
    if (!(await routeIfExists(admin, topic))) continue;
    const targets = (await routeTargets(admin, topic)).filter((t) => !skip.has(t.brokerName));
    const result = await queryIndex(admin, targets, { topic, key: id, begin: 0, end: Date.now() + FAR_FUTURE_MS, limit: 32, uniqueKey: true }, admin.config.fanOutDeadlineMs * 2);
    const hits = result.hits.filter((h) => h.message.properties.REAL_TOPIC === realTopic);
    if (hits.length > 0) return { topic, result: { ...result, hits } };
  }
  return undefined;
}
