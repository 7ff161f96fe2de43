import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { asArray, asObject, asString, entries, optNumber, optObject, optString, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, requireBody, type Invoker } from '../invoke';

/**
 * GET_ALL_PRODUCER_INFO (328, brokers 4.9.4+): every producer group with a channel on this broker, with each
 * connection. Inner groups are listed too (CLIENT_INNER_PRODUCER for every Java client instance, the trace
 * producers). `unsupported` on a broker older than 4.9.4 (code 3).
 */
export interface ProducerInfo {
  clientId: string;
  /** host:port the broker sees (the leading "/" of Java's SocketAddress.toString removed). */
  remoteAddr: string;
  language: string;
  /** MQVersion ordinal of the client. */
  version: number;
  lastUpdateTimestamp: number;
}

export type ProducerTable = { kind: 'table'; groups: Map<string, ProducerInfo[]> } | { kind: 'unsupported'; reason: string };

export function getAllProducerInfoRequest(): RemotingRequest {
  return { code: RequestCode.GET_ALL_PRODUCER_INFO };
}

export function decodeProducerTable(reply: RemotingCommand, addr = ''): ProducerTable {
  if (reply.code === ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return { kind: 'unsupported', reason: 'the broker cannot list its producers (older than 4.9.4)' };
  expectCode(reply, addr, RequestCode.GET_ALL_PRODUCER_INFO);
  const root = asObject(parseFastjson(requireBody(reply, 'ProducerTableInfo')), 'ProducerTableInfo');
  const groups = new Map<string, ProducerInfo[]>();
  for (const [group, list] of entries(optObject(root.data) ?? {}).sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))) {
    const producers = asArray(list, `data.${String(group)}`).map((p): ProducerInfo => {
      const o = asObject(p, 'ProducerInfo');
      return {
        clientId: asString(o.clientId, 'clientId'),
        remoteAddr: (optString(o.remoteIP) ?? '').replace(/^\//, ''),
        language: optString(o.language) ?? '',
        version: optNumber(o.version) ?? 0,
        lastUpdateTimestamp: optNumber(o.lastUpdateTimestamp) ?? 0,
      };
    });
    groups.set(String(group), producers.sort((a, b) => (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0)));
  }
  return { kind: 'table', groups };
}

export async function getAllProducerInfo(invoker: Invoker, brokerAddr: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ProducerTable> {
  return decodeProducerTable(await invoker.invoke(brokerAddr, getAllProducerInfoRequest(), { timeoutMs }), brokerAddr);
}
