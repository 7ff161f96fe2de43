import {
  RemotingResponseError,
  type RemotingCommand,
  type RemotingRequest,
} from '../remoting';

/** Anything that can send a request to an address and wait for the reply (the pool, or a test double). */
export interface Invoker {
  invoke(addr: string, request: RemotingRequest, options: { timeoutMs: number }): Promise<RemotingCommand>;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/** Throws RemotingResponseError unless the reply's code is success or one of `alsoOk`. */
export function expectCode(reply: RemotingCommand, addr: string, requestCode: number, ...alsoOk: number[]): void {
  if (reply.code === 0 || alsoOk.includes(reply.code)) return;
  throw new RemotingResponseError(addr, requestCode, reply.code, reply.remark);
}

export function requireBody(reply: RemotingCommand, what: string): Buffer {
  if (!reply.body || reply.body.length === 0) throw new TypeError(`${what}: reply has no body`);
  return reply.body;
}

/** Sends `request`, checks for success, decodes. The shape every admin operation shares. */
export async function call<T>(
  invoker: Invoker,
  addr: string,
  request: RemotingRequest,
  decode: (reply: RemotingCommand) => T,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  const reply = await invoker.invoke(addr, request, { timeoutMs });
  expectCode(reply, addr, request.code);
  return decode(reply);
}
