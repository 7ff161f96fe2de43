import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asArray, asObject, asString, optString, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206): every topic name the namesrv routes (as `mqadmin topicList`). */
export interface TopicList {
  topics: string[];
  brokerAddr?: string;
}

export function getAllTopicListRequest(): RemotingRequest {
  return { code: RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER };
}

export function decodeTopicList(reply: RemotingCommand): TopicList {
  const root = asObject(parseFastjson(requireBody(reply, 'TopicList')), 'TopicList');
  return {
    topics: asArray(root.topicList ?? [], 'topicList').map((t) => asString(t, 'topic')),
    brokerAddr: optString(root.brokerAddr),
  };
}

export function getAllTopicList(invoker: Invoker, namesrvAddr: string, timeoutMs?: number): Promise<TopicList> {
  return call(invoker, namesrvAddr, getAllTopicListRequest(), decodeTopicList, timeoutMs);
}
