import type { RemotingRequest } from '../../remoting';
import { aclInfoBody, type AclInfo } from '../acl-model';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** AUTH_UPDATE_ACL (3007): merges entries into a subject's policies on this broker (an entry of the same resource is replaced). */
export function authUpdateAclRequest(acl: AclInfo): RemotingRequest {
  return { code: RequestCode.AUTH_UPDATE_ACL, extFields: { subject: acl.subject }, body: aclInfoBody(acl) };
}

export async function authUpdateAcl(invoker: Invoker, brokerAddr: string, acl: AclInfo, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, authUpdateAclRequest(acl), () => undefined, timeoutMs);
}
