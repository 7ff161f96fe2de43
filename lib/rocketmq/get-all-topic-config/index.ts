import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asNumber, asObject, entries, optBoolean, optObject, optString, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_ALL_TOPIC_CONFIG (21) at one broker: the TopicConfig of every topic it holds. */
export interface TopicConfig {
  topicName: string;
  readQueueNums: number;
  writeQueueNums: number;
  perm: number;
  topicFilterType: string;
  topicSysFlag: number;
  order: boolean;
  /** 5.x only, e.g. { "message.type": "FIFO" }. */
  attributes: Record<string, string>;
}

export function getAllTopicConfigRequest(): RemotingRequest {
  // No paging fields: a 5.3.3+ master then answers with the whole table, as it does for older clients.
  return { code: RequestCode.GET_ALL_TOPIC_CONFIG };
}

export function decodeTopicConfigTable(reply: RemotingCommand): Map<string, TopicConfig> {
  const root = asObject(parseFastjson(requireBody(reply, 'TopicConfigSerializeWrapper')), 'TopicConfigSerializeWrapper');
  const out = new Map<string, TopicConfig>();
  for (const [name, value] of entries(asObject(root.topicConfigTable ?? {}, 'topicConfigTable'))) {
    const o = asObject(value, `topicConfigTable.${String(name)}`);
    const attributes: Record<string, string> = {};
    for (const [k, v] of entries(optObject(o.attributes) ?? {})) attributes[String(k).replace(/^\+/, '')] = String(v);
    out.set(String(name), {
      topicName: optString(o.topicName) ?? String(name),
      readQueueNums: asNumber(o.readQueueNums, 'readQueueNums'),
      writeQueueNums: asNumber(o.writeQueueNums, 'writeQueueNums'),
      perm: asNumber(o.perm, 'perm'),
      topicFilterType: optString(o.topicFilterType) ?? 'SINGLE_TAG',
      topicSysFlag: asNumber(o.topicSysFlag ?? 0, 'topicSysFlag'),
      order: optBoolean(o.order) ?? false,
      attributes,
    });
  }
  return out;
}

export function getAllTopicConfig(
  invoker: Invoker,
  brokerAddr: string,
  timeoutMs?: number,
): Promise<Map<string, TopicConfig>> {
  return call(invoker, brokerAddr, getAllTopicConfigRequest(), decodeTopicConfigTable, timeoutMs);
}
