import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { expectCode, type Invoker, DEFAULT_TIMEOUT_MS } from '../invoke';

/**
 * GET_KV_CONFIG (101) at a namesrv: one value of the namesrv's KV store, or undefined when absent (code 22).
 * The ordered-topic configuration lives in namespace ORDER_TOPIC_CONFIG under the topic's name,
 * as "broker-b:4;broker-a:4".
 */
export const ORDER_TOPIC_CONFIG_NAMESPACE = 'ORDER_TOPIC_CONFIG';

export function getKvConfigRequest(namespace: string, key: string): RemotingRequest {
  return { code: RequestCode.GET_KV_CONFIG, extFields: extFields({ namespace, key }) };
}

export function decodeKvConfig(reply: RemotingCommand, addr = ''): string | undefined {
  expectCode(reply, addr, RequestCode.GET_KV_CONFIG, ResponseCode.QUERY_NOT_FOUND);
  return reply.code === ResponseCode.QUERY_NOT_FOUND ? undefined : reply.extFields.value;
}

export async function getKvConfig(
  invoker: Invoker,
  namesrvAddr: string,
  namespace: string,
  key: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string | undefined> {
  const reply = await invoker.invoke(namesrvAddr, getKvConfigRequest(namespace, key), { timeoutMs });
  return decodeKvConfig(reply, namesrvAddr);
}

/** "broker-b:4;broker-a:4" -> { "broker-b": 4, "broker-a": 4 } */
export function parseOrderConf(value: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of value.split(';')) {
    const [broker, nums] = part.split(':');
    if (broker && nums !== undefined && /^\d+$/.test(nums)) out[broker] = Number(nums);
  }
  return out;
}
