import { extFields, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** UPDATE_AND_CREATE_TOPIC (17) at a master; the broker then re-registers with the namesrvs. */
export interface TopicSpec {
  topic: string;
  readQueueNums: number;
  writeQueueNums: number;
  /** 6 = read + write. */
  perm?: number;
  order?: boolean;
  topicSysFlag?: number;
  /**
   * 5.x topic attributes as the broker's header takes them: "+key=value" sets, "-key" removes (a creation may
   * only set), joined with commas, e.g. "+message.type=FIFO". 4.9 brokers have no such field and ignore it.
   */
  attributes?: string;
}

export function updateAndCreateTopicRequest(spec: TopicSpec): RemotingRequest {
  return {
    code: RequestCode.UPDATE_AND_CREATE_TOPIC,
    extFields: extFields({
      topic: spec.topic,
      defaultTopic: 'TBW102',
      readQueueNums: spec.readQueueNums,
      writeQueueNums: spec.writeQueueNums,
      perm: spec.perm ?? 6,
      topicFilterType: 'SINGLE_TAG',
      topicSysFlag: spec.topicSysFlag ?? 0,
      order: spec.order ?? false,
      ...(spec.attributes ? { attributes: spec.attributes } : {}),
    }),
  };
}

export async function updateAndCreateTopic(invoker: Invoker, brokerAddr: string, spec: TopicSpec, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = updateAndCreateTopicRequest(spec);
  expectCode(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
