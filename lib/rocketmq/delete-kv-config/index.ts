import { extFields, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** DELETE_KV_CONFIG (102) at one namesrv: always 0, whether the key existed or not. */
export function deleteKvConfigRequest(namespace: string, key: string): RemotingRequest {
  return { code: RequestCode.DELETE_KV_CONFIG, extFields: extFields({ namespace, key }) };
}

export async function deleteKvConfig(invoker: Invoker, namesrvAddr: string, entry: { namespace: string; key: string }, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = deleteKvConfigRequest(entry.namespace, entry.key);
  expectCode(await invoker.invoke(namesrvAddr, request, { timeoutMs }), namesrvAddr, request.code);
}
