import type { RemotingRequest } from '../../remoting';
import { userInfoBody, type UserStatus, type UserType } from '../acl-model';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** AUTH_CREATE_USER (3001): a user on this broker; a Super user needs a Super caller. Fails when it exists. */
export function authCreateUserRequest(user: { username: string; password: string; userType: UserType; userStatus?: UserStatus }): RemotingRequest {
  return { code: RequestCode.AUTH_CREATE_USER, extFields: { username: user.username }, body: userInfoBody(user) };
}

export async function authCreateUser(invoker: Invoker, brokerAddr: string, user: Parameters<typeof authCreateUserRequest>[0], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, authCreateUserRequest(user), () => undefined, timeoutMs);
}
