import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asObject, entries, forEachMember } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/**
 * GET_ALL_CONSUMER_OFFSET (43) at one broker: every committed offset it holds, keyed "topic@group" then by queueId
 * (unquoted integer keys). One call replaces one GET_CONSUME_STATS per group, each of which makes the broker scan
 * this whole table to find the group's topics. A 5.x server-side reset writes this table too, so it matches what
 * GET_CONSUME_STATS reports.
 */
export interface ConsumerOffsetTable {
  /** group -> topic -> queueId -> committed offset */
  byGroup: Map<string, Map<string, Map<number, number>>>;
}

export function getAllConsumerOffsetRequest(): RemotingRequest {
  return { code: RequestCode.GET_ALL_CONSUMER_OFFSET };
}

export function decodeConsumerOffsetTable(reply: RemotingCommand): ConsumerOffsetTable {
  const byGroup = new Map<string, Map<string, Map<number, number>>>();
  // member by member: the whole table parsed at once took 150-180 MB of heap at 50,000 groups
  forEachMember(requireBody(reply, 'ConsumerOffsetManager'), 'offsetTable', (key, value) => {
    // "topic@group"; 5.x also keeps "topic@group@broadcast" entries, which the broker itself ignores here
    const parts = key.split('@');
    if (parts.length !== 2) return;
    const [topic, group] = parts as [string, string];
    const queues = new Map<number, number>();
    for (const [queueId, offset] of entries(asObject(value, `offsetTable.${key}`))) queues.set(Number(queueId), Number(offset));
    let topics = byGroup.get(group);
    if (!topics) byGroup.set(group, (topics = new Map()));
    topics.set(topic, queues);
  });
  return { byGroup };
}

export function getAllConsumerOffset(invoker: Invoker, brokerAddr: string, timeoutMs?: number): Promise<ConsumerOffsetTable> {
  return call(invoker, brokerAddr, getAllConsumerOffsetRequest(), decodeConsumerOffsetTable, timeoutMs);
}
