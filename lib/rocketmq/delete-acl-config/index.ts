import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** DELETE_ACL_CONFIG (51, ACL 1.0): removes an account from the plain_acl.yml of this broker that holds it (210 on failure). */
export function deleteAclConfigRequest(accessKey: string): RemotingRequest {
  return { code: RequestCode.DELETE_ACL_CONFIG, extFields: { accessKey } };
}

export async function deleteAclConfig(invoker: Invoker, brokerAddr: string, accessKey: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, deleteAclConfigRequest(accessKey), () => undefined, timeoutMs);
}
