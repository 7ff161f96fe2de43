import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asArray, asObject, asString, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** QUERY_TOPIC_CONSUME_BY_WHO (300) at one broker: groups with online clients subscribed or offsets on the topic. */
export function queryTopicConsumeByWhoRequest(topic: string): RemotingRequest {
  return { code: RequestCode.QUERY_TOPIC_CONSUME_BY_WHO, extFields: extFields({ topic }) };
}

export function decodeGroupList(reply: RemotingCommand): string[] {
  const root = asObject(parseFastjson(requireBody(reply, 'GroupList')), 'GroupList');
  return asArray(root.groupList ?? [], 'groupList').map((g) => asString(g, 'group')).sort();
}

export function queryTopicConsumeByWho(invoker: Invoker, brokerAddr: string, topic: string, timeoutMs?: number): Promise<string[]> {
  return call(invoker, brokerAddr, queryTopicConsumeByWhoRequest(topic), decodeGroupList, timeoutMs);
}
