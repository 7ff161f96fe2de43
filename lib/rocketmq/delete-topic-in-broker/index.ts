import { extFields, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/**
 * DELETE_TOPIC_IN_BROKER (215) at a master: removes the topic's config and store files there. 5.x also drops the
 * consumer offsets on it; 4.9 keeps them (a topic created again resumes them). System topics are refused (29).
 */
export function deleteTopicInBrokerRequest(topic: string): RemotingRequest {
  return { code: RequestCode.DELETE_TOPIC_IN_BROKER, extFields: extFields({ topic }) };
}

export async function deleteTopicInBroker(invoker: Invoker, brokerAddr: string, topic: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = deleteTopicInBrokerRequest(topic);
  expectCode(await invoker.invoke(brokerAddr, request, { timeoutMs }), brokerAddr, request.code);
}
