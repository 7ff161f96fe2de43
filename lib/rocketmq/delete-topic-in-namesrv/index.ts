import { extFields, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/**
 * DELETE_TOPIC_IN_NAMESRV (216) at one namesrv: with clusterName only that cluster's queue data goes (an unknown
 * cluster name is a silent no-op), without it the whole route. Send it to every namesrv, after the brokers: a
 * broker that still holds the topic registers it again within 30 s.
 */
export function deleteTopicInNamesrvRequest(topic: string, clusterName?: string): RemotingRequest {
  return { code: RequestCode.DELETE_TOPIC_IN_NAMESRV, extFields: extFields({ topic, clusterName }) };
}

export async function deleteTopicInNamesrv(invoker: Invoker, namesrvAddr: string, topic: string, clusterName?: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = deleteTopicInNamesrvRequest(topic, clusterName);
  expectCode(await invoker.invoke(namesrvAddr, request, { timeoutMs }), namesrvAddr, request.code);
}
