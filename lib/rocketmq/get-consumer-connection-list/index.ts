import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { asArray, asObject, asString, entries, optNumber, optString, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, requireBody, type Invoker } from '../invoke';
import { decodeSubscriptionData, type SubscriptionData } from '../subscription-data';

/** GET_CONSUMER_CONNECTION_LIST (203) at one broker: the group's clients connected to it, or undefined (code 206). */
export interface ClientConnection {
  clientId: string;
  clientAddr: string;
  language: string;
  /** MQVersion ordinal of the client. */
  version: number;
}

export interface ConsumerConnection {
  connections: ClientConnection[];
  subscriptions: SubscriptionData[];
  /** CONSUME_PASSIVELY (push), CONSUME_ACTIVELY (pull), CONSUME_POP (5.x). */
  consumeType: string;
  /** CLUSTERING or BROADCASTING. */
  messageModel: string;
  consumeFromWhere: string;
}

export function getConsumerConnectionListRequest(consumerGroup: string): RemotingRequest {
  return { code: RequestCode.GET_CONSUMER_CONNECTION_LIST, extFields: extFields({ consumerGroup }) };
}

export function decodeConsumerConnection(reply: RemotingCommand, addr = ''): ConsumerConnection | undefined {
  expectCode(reply, addr, RequestCode.GET_CONSUMER_CONNECTION_LIST, ResponseCode.CONSUMER_NOT_ONLINE);
  if (reply.code === ResponseCode.CONSUMER_NOT_ONLINE) return undefined;
  const root = asObject(parseFastjson(requireBody(reply, 'ConsumerConnection')), 'ConsumerConnection');
  const connections = asArray(root.connectionSet ?? [], 'connectionSet').map((c) => {
    const o = asObject(c, 'Connection');
    return {
      clientId: asString(o.clientId, 'clientId'),
      clientAddr: optString(o.clientAddr) ?? '',
      language: optString(o.language) ?? '',
      version: optNumber(o.version) ?? 0,
    };
  });
  const subscriptions = entries(asObject(root.subscriptionTable ?? {}, 'subscriptionTable')).map(([, v]) => decodeSubscriptionData(v));
  // one client can hold two channels to a broker for a while (it reconnected after the broker stalled, the old
  // channel is not expired yet): the broker lists both, with different addresses. It is one client.
  const byId = new Map<string, ClientConnection>();
  for (const c of connections) if (!byId.has(c.clientId)) byId.set(c.clientId, c);
  return {
    connections: [...byId.values()].sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0)),
    subscriptions: subscriptions.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
    consumeType: optString(root.consumeType) ?? '',
    messageModel: optString(root.messageModel) ?? '',
    consumeFromWhere: optString(root.consumeFromWhere) ?? '',
  };
}

export async function getConsumerConnectionList(
  invoker: Invoker,
  brokerAddr: string,
  consumerGroup: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<ConsumerConnection | undefined> {
  const reply = await invoker.invoke(brokerAddr, getConsumerConnectionListRequest(consumerGroup), { timeoutMs });
  return decodeConsumerConnection(reply, brokerAddr);
}
