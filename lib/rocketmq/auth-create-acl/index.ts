import type { RemotingRequest } from '../../remoting';
import { aclInfoBody, type AclInfo } from '../acl-model';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** AUTH_CREATE_ACL (3006): the first policies of a subject on this broker (an empty policy list is refused). */
export function authCreateAclRequest(acl: AclInfo): RemotingRequest {
  return { code: RequestCode.AUTH_CREATE_ACL, extFields: { subject: acl.subject }, body: aclInfoBody(acl) };
}

export async function authCreateAcl(invoker: Invoker, brokerAddr: string, acl: AclInfo, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, authCreateAclRequest(acl), () => undefined, timeoutMs);
}
