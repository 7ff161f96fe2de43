import { extFields, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { decodeKVTable } from '../get-broker-runtime-info';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** GET_KVLIST_BY_NAMESPACE (219) at a namesrv: a whole namespace of the KV store; empty when absent (code 22). */
export function getKvListByNamespaceRequest(namespace: string): RemotingRequest {
  return { code: RequestCode.GET_KVLIST_BY_NAMESPACE, extFields: extFields({ namespace }) };
}

export function decodeKvList(reply: RemotingCommand, addr = ''): Record<string, string> {
  expectCode(reply, addr, RequestCode.GET_KVLIST_BY_NAMESPACE, ResponseCode.QUERY_NOT_FOUND);
  if (reply.code === ResponseCode.QUERY_NOT_FOUND || !reply.body) return {};
  return decodeKVTable(reply.body);
}

export async function getKvListByNamespace(
  invoker: Invoker,
  namesrvAddr: string,
  namespace: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Record<string, string>> {
  const reply = await invoker.invoke(namesrvAddr, getKvListByNamespaceRequest(namespace), { timeoutMs });
  return decodeKvList(reply, namesrvAddr);
}
