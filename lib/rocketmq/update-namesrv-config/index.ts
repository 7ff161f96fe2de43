import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';
import { propertiesText } from '../update-broker-config';

/** UPDATE_NAMESRV_CONFIG (318) at one namesrv (send to each): the semantics of UPDATE_BROKER_CONFIG. */
export function updateNamesrvConfigRequest(entries: Record<string, string>): RemotingRequest {
  return { code: RequestCode.UPDATE_NAMESRV_CONFIG, body: Buffer.from(propertiesText(entries), 'utf8') };
}

export async function updateNamesrvConfig(invoker: Invoker, namesrvAddr: string, entries: Record<string, string>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  const request = updateNamesrvConfigRequest(entries);
  expectCode(await invoker.invoke(namesrvAddr, request, { timeoutMs }), namesrvAddr, request.code);
}
