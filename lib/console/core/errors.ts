import { isRemotingError, type RemotingError } from '../../remoting';

// Next.js bundles the server per entry: the console built by instrumentation.ts and a route handler can hold two
// copies of this module, so `instanceof ConsoleError` fails for an error thrown by the other copy (a 404 became a
// 500). A brand from the global symbol registry is the same in every copy.
const CONSOLE_ERROR = Symbol.for('rocketmq-console.ConsoleError');

/** Failures in operators' terms. The HTTP layer maps `status` and shows `message`, naming `field` when set. */
export abstract class ConsoleError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly [CONSOLE_ERROR] = true;
  /** Extra data the caller needs to act on the error (e.g. a fresh preview after offsets moved). */
  details?: unknown;
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Whether `error` is a ConsoleError from any copy of this module (see CONSOLE_ERROR). */
export function isConsoleError(error: unknown): error is ConsoleError {
  return typeof error === 'object' && error !== null && (error as { [CONSOLE_ERROR]?: unknown })[CONSOLE_ERROR] === true;
}

export class BadInputError extends ConsoleError {
  readonly status = 400;
  readonly code = 'bad_input';
}

export class NotFoundError extends ConsoleError {
  readonly status = 404;
  readonly code = 'not_found';
}

export class ConflictError extends ConsoleError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, field?: string, code = 'conflict', details?: unknown) {
    super(message, field);
    this.code = code;
    this.details = details;
  }
}

/** A broker or namesrv failed or was late for a call the whole answer depends on. */
export class BrokerCallError extends ConsoleError {
  readonly status: number;
  readonly code: string;
  constructor(readonly failure: RemotingError, readonly brokerName?: string) {
    super(describeFailure(failure, brokerName));
    this.status = failure.kind === 'timeout' ? 504 : 502;
    this.code = failure.kind === 'timeout' ? 'broker_timeout' : 'broker_error';
  }
}

/** Brokers a plan needs did not answer: nothing was changed; the details name each. */
export class BrokersUnavailableError extends ConsoleError {
  readonly status = 503;
  readonly code = 'brokers_unavailable';
  constructor(message: string, failures: unknown[]) {
    super(message);
    this.details = { failures };
  }
}

/** One line an operator can act on: which node, what went wrong. */
export function describeFailure(error: unknown, brokerName?: string): string {
  const who = brokerName ? `${brokerName}` : '';
  if (!isRemotingError(error)) return `${who ? `${who}: ` : ''}${error instanceof Error ? error.message : String(error)}`;
  const where = who ? `${who} (${error.addr})` : error.addr;
  switch (error.kind) {
    case 'timeout':
      return `${where} did not answer in time`;
    case 'connect':
      return `${where} is unreachable: ${error.message.replace(/^cannot connect to [^:]+:\d+: /, '')}`;
    case 'closed':
      return `${where} closed the connection`;
    default:
      return `${where}: ${error.message.replace(`${error.addr} `, '')}`;
  }
}
