import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { asArray, asObject, asString, optNumber, optString, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, requireBody, type Invoker } from '../invoke';
import type { ClientConnection } from '../get-consumer-connection-list';

/**
 * GET_PRODUCER_CONNECTION_LIST (204) at one broker: the producers of a group that heartbeat to it. A producer
 * heartbeats only to the masters of the topics it sends to, so callers ask every master and merge. undefined when
 * the broker has no channel of the group (code 1 "the producer group[...] not exist").
 */
export function getProducerConnectionListRequest(producerGroup: string): RemotingRequest {
  return { code: RequestCode.GET_PRODUCER_CONNECTION_LIST, extFields: extFields({ producerGroup }) };
}

export function decodeProducerConnection(reply: RemotingCommand, addr = ''): ClientConnection[] | undefined {
  if (reply.code === ResponseCode.SYSTEM_ERROR && /producer group\[.*\] not exist/.test(reply.remark ?? '')) return undefined;
  expectCode(reply, addr, RequestCode.GET_PRODUCER_CONNECTION_LIST);
  const root = asObject(parseFastjson(requireBody(reply, 'ProducerConnection')), 'ProducerConnection');
  const connections = asArray(root.connectionSet ?? [], 'connectionSet').map((c): ClientConnection => {
    const o = asObject(c, 'Connection');
    return {
      clientId: asString(o.clientId, 'clientId'),
      clientAddr: optString(o.clientAddr) ?? '',
      language: optString(o.language) ?? '',
      version: optNumber(o.version) ?? 0,
    };
  });
  return connections.sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0));
}

export async function getProducerConnectionList(
  invoker: Invoker,
  brokerAddr: string,
  producerGroup: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ClientConnection[] | undefined> {
  return decodeProducerConnection(await invoker.invoke(brokerAddr, getProducerConnectionListRequest(producerGroup), { timeoutMs }), brokerAddr);
}
