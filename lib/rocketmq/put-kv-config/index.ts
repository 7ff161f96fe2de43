import { extFields, type RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/** PUT_KV_CONFIG (100) at one namesrv (write to every namesrv, as the Java client does): sets namespace/key. */
export function putKvConfigRequest(namespace: string, key: string, value: string): RemotingRequest {
  return { code: RequestCode.PUT_KV_CONFIG, extFields: extFields({ namespace, key, value }) };
}

export async function putKvConfig(invoker: Invoker, namesrvAddr: string, entry: { namespace: string; key: string; value: string }, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = putKvConfigRequest(entry.namespace, entry.key, entry.value);
  expectCode(await invoker.invoke(namesrvAddr, request, { timeoutMs }), namesrvAddr, request.code);
}
