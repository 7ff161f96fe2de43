import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asObject, entries, parseFastjson } from '../fastjson';
import { call, requireBody, type Invoker } from '../invoke';

/** GET_BROKER_RUNTIME_INFO (28): the broker's KVTable of runtime figures, every value a string. */
export type BrokerRuntimeInfo = Record<string, string>;

export function getBrokerRuntimeInfoRequest(): RemotingRequest {
  return { code: RequestCode.GET_BROKER_RUNTIME_INFO };
}

export function decodeBrokerRuntimeInfo(reply: RemotingCommand): BrokerRuntimeInfo {
  return decodeKVTable(requireBody(reply, 'KVTable'));
}

/** KVTable {"table":{k:v}}; also the body of GET_KVLIST_BY_NAMESPACE. */
export function decodeKVTable(body: Buffer): Record<string, string> {
  const root = asObject(parseFastjson(body), 'KVTable');
  const out: Record<string, string> = {};
  for (const [k, v] of entries(asObject(root.table ?? {}, 'KVTable.table'))) out[String(k)] = v === null ? '' : String(v);
  return out;
}

export function getBrokerRuntimeInfo(invoker: Invoker, brokerAddr: string, timeoutMs?: number): Promise<BrokerRuntimeInfo> {
  return call(invoker, brokerAddr, getBrokerRuntimeInfoRequest(), decodeBrokerRuntimeInfo, timeoutMs);
}

/** The first figure of a TPS entry ("10s 60s 600s" windows; young brokers leave later windows empty). */
export function firstTps(value: string | undefined): number {
  const first = value?.trim().split(/\s+/)[0];
  const n = first ? Number(first) : 0;
  return Number.isFinite(n) ? n : 0;
}
