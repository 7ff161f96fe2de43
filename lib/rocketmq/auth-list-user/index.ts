import type { RemotingCommand, RemotingRequest } from '../../remoting';
import type { AclUser, UserStatus, UserType } from '../acl-model';
import { RequestCode, ResponseCode } from '../codes';
import { NOT_CONFIGURED, notConfigured } from '../acl-model';
import { asArray, asObject, asString, optString, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, type Invoker } from '../invoke';

/**
 * AUTH_LIST_USER (3005, ACL 2.0 brokers 5.3+): the users this broker keeps, `filter` a part of the name. The broker
 * sends each password in plain text; the decoder drops it. No body = no user. A broker without ACL 2.0 (4.x,
 * 5.0-5.2) does not know the code: `unsupported`.
 */
export type ListUsersResult = { kind: 'users'; users: AclUser[] } | { kind: 'unsupported'; reason: string };

export function authListUserRequest(filter = ''): RemotingRequest {
  return { code: RequestCode.AUTH_LIST_USER, extFields: filter ? { filter } : {} };
}

export function decodeAuthListUser(reply: RemotingCommand, addr = ''): ListUsersResult {
  if (reply.code === ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return { kind: 'unsupported', reason: 'the broker has no ACL 2.0 (RocketMQ 5.3 or later)' };
  if (notConfigured(reply)) return { kind: 'unsupported', reason: NOT_CONFIGURED };
  expectCode(reply, addr, RequestCode.AUTH_LIST_USER);
  if (!reply.body || reply.body.length === 0) return { kind: 'users', users: [] };
  const users = asArray(parseFastjson(reply.body), 'users').map((u) => {
    const o = asObject(u, 'user');
    return {
      username: asString(o.username, 'username'),
      userType: (optString(o.userType) ?? 'Normal') as UserType,
      userStatus: (optString(o.userStatus) ?? 'enable') as UserStatus,
    };
  });
  return { kind: 'users', users: users.sort((a, b) => a.username.localeCompare(b.username)) };
}

export async function authListUser(invoker: Invoker, brokerAddr: string, filter = '', timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ListUsersResult> {
  return decodeAuthListUser(await invoker.invoke(brokerAddr, authListUserRequest(filter), { timeoutMs }), brokerAddr);
}
