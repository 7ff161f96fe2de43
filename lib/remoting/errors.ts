/**
 * Typed failures of the remoting layer. Each carries the address it concerns, so a partial answer can say which
 * broker failed. `kind` is a stable discriminant for mapping to HTTP statuses and messages.
 */
export type RemotingErrorKind = 'response' | 'timeout' | 'connect' | 'closed' | 'frame-too-large' | 'protocol';

// A brand from the global symbol registry: Next.js may hold two copies of this module (instrumentation.ts's and a
// route's), and instanceof fails across them.
const REMOTING_ERROR = Symbol.for('rocketmq-console.RemotingError');

export abstract class RemotingError extends Error {
  abstract readonly kind: RemotingErrorKind;
  readonly [REMOTING_ERROR] = true;
  constructor(
    message: string,
    readonly addr: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The peer answered with a non-success response code. */
export class RemotingResponseError extends RemotingError {
  readonly kind = 'response';
  constructor(
    addr: string,
    readonly requestCode: number,
    readonly code: number,
    readonly remark: string | undefined,
  ) {
    super(`${addr} answered request ${requestCode} with code ${code}${remark ? `: ${remark}` : ''}`, addr);
  }
}

export class RemotingTimeoutError extends RemotingError {
  readonly kind = 'timeout';
  constructor(
    addr: string,
    readonly requestCode: number,
    readonly timeoutMs: number,
  ) {
    super(`${addr} did not answer request ${requestCode} within ${timeoutMs} ms`, addr);
  }
}

export type ConnectFailure = 'refused' | 'timeout' | 'unreachable' | 'other';

export class RemotingConnectError extends RemotingError {
  readonly kind = 'connect';
  constructor(
    addr: string,
    readonly reason: ConnectFailure,
    detail: string,
  ) {
    super(`cannot connect to ${addr}: ${detail}`, addr);
  }
}

/** The socket closed while a request was waiting for its answer. */
export class ConnectionClosedError extends RemotingError {
  readonly kind = 'closed';
  constructor(addr: string, detail = 'connection closed') {
    super(`${addr}: ${detail}`, addr);
  }
}

export class FrameTooLargeError extends RemotingError {
  readonly kind = 'frame-too-large';
  constructor(
    addr: string,
    readonly size: number,
    readonly max: number,
  ) {
    super(`${addr} sent a frame of ${size} bytes, above the cap of ${max}`, addr);
  }
}

/** Bytes that do not decode as a remoting frame. */
export class ProtocolError extends RemotingError {
  readonly kind = 'protocol';
}

export function isRemotingError(error: unknown): error is RemotingError {
  return typeof error === 'object' && error !== null && (error as { [REMOTING_ERROR]?: unknown })[REMOTING_ERROR] === true;
}
