import type { RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { call, DEFAULT_TIMEOUT_MS, type Invoker } from '../invoke';

/** AUTH_DELETE_USER (3003): removes a user from this broker (its policies stay until deleted too). */
export function authDeleteUserRequest(username: string): RemotingRequest {
  return { code: RequestCode.AUTH_DELETE_USER, extFields: { username } };
}

export async function authDeleteUser(invoker: Invoker, brokerAddr: string, username: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<void> {
  await call(invoker, brokerAddr, authDeleteUserRequest(username), () => undefined, timeoutMs);
}
