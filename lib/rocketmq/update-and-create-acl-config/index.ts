import type { RemotingRequest } from '../../remoting';
import type { Acl1Account } from '../acl1-model';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/**
 * UPDATE_AND_CREATE_ACL_CONFIG (50, ACL 1.0): creates an account in this broker's plain_acl.yml, or merges into the
 * one it has (the file that holds it). Refused with 209 when it fails (also when the broker has `aclEnable=false`).
 */
export function updateAndCreateAclConfigRequest(account: Acl1Account): RemotingRequest {
  const fields: Record<string, string> = { accessKey: account.accessKey, admin: String(account.admin) };
  if (account.secretKey !== undefined) fields.secretKey = account.secretKey;
  if (account.whiteRemoteAddress !== undefined) fields.whiteRemoteAddress = account.whiteRemoteAddress;
  if (account.defaultTopicPerm !== undefined) fields.defaultTopicPerm = account.defaultTopicPerm;
  if (account.defaultGroupPerm !== undefined) fields.defaultGroupPerm = account.defaultGroupPerm;
  if (account.topicPerms !== undefined) fields.topicPerms = account.topicPerms.join(',');
  if (account.groupPerms !== undefined) fields.groupPerms = account.groupPerms.join(',');
  return { code: RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, extFields: fields };
}

export async function updateAndCreateAclConfig(invoker: Invoker, brokerAddr: string, account: Acl1Account, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, updateAndCreateAclConfigRequest(account), () => undefined, timeoutMs);
}
