import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import type { TopicSpec } from '../update-and-create-topic';

/**
 * UPDATE_AND_CREATE_TOPIC_LIST (18, 5.3+) at a master: many topics in one call and one re-registration with the
 * namesrv (creating thousands one by one re-registers the whole table each time).
 */
export function updateAndCreateTopicListRequest(specs: TopicSpec[]): RemotingRequest {
  const topicConfigList = specs.map((s) => ({
    topicName: s.topic,
    readQueueNums: s.readQueueNums,
    writeQueueNums: s.writeQueueNums,
    perm: s.perm ?? 6,
    topicFilterType: 'SINGLE_TAG',
    topicSysFlag: s.topicSysFlag ?? 0,
    order: s.order ?? false,
    attributes: {},
  }));
  return { code: RequestCode.UPDATE_AND_CREATE_TOPIC_LIST, body: Buffer.from(JSON.stringify({ topicConfigList }), 'utf8') };
}

export async function updateAndCreateTopicList(invoker: Invoker, brokerAddr: string, specs: TopicSpec[], timeoutMs = DEFAULT_TIMEOUT_MS * 6): Promise<void> {
  const request = updateAndCreateTopicListRequest(specs);
  expectCode(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
