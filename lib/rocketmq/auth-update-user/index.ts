import type { RemotingRequest } from '../../remoting';
import { userInfoBody, type UserStatus, type UserType } from '../acl-model';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** AUTH_UPDATE_USER (3002): changes what is given (password, type, status) of an existing user on this broker. */
export function authUpdateUserRequest(user: { username: string; password?: string; userType?: UserType; userStatus?: UserStatus }): RemotingRequest {
  return { code: RequestCode.AUTH_UPDATE_USER, extFields: { username: user.username }, body: userInfoBody(user) };
}

export async function authUpdateUser(invoker: Invoker, brokerAddr: string, user: Parameters<typeof authUpdateUserRequest>[0], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, authUpdateUserRequest(user), () => undefined, timeoutMs);
}
