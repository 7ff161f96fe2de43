import type { RemotingRequest } from '../../remoting';
import type { PolicyType } from '../acl-model';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** AUTH_DELETE_ACL (3008): removes a subject's entry for one resource on this broker (no resource: all its policies). */
export function authDeleteAclRequest(target: { subject: string; resource?: string; policyType?: PolicyType }): RemotingRequest {
  const extFields: Record<string, string> = { subject: target.subject, policyType: target.policyType ?? 'Custom' };
  if (target.resource) extFields.resource = target.resource;
  return { code: RequestCode.AUTH_DELETE_ACL, extFields };
}

export async function authDeleteAcl(invoker: Invoker, brokerAddr: string, target: Parameters<typeof authDeleteAclRequest>[0], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, authDeleteAclRequest(target), () => undefined, timeoutMs);
}
