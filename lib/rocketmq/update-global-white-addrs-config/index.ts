import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/**
 * UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53, ACL 1.0): replaces the globalWhiteRemoteAddresses of one ACL file of this
 * broker (`aclFileFullPath` empty: its default plain_acl.yml). A client from such an address passes every check
 * unsigned. 211 on failure.
 */
export function updateGlobalWhiteAddrsConfigRequest(addresses: string[], aclFileFullPath = ''): RemotingRequest {
  return { code: RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG, extFields: { globalWhiteAddrs: addresses.join(','), aclFileFullPath } };
}

export async function updateGlobalWhiteAddrsConfig(invoker: Invoker, brokerAddr: string, addresses: string[], aclFileFullPath = '', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, updateGlobalWhiteAddrsConfigRequest(addresses, aclFileFullPath), () => undefined, timeoutMs);
}
