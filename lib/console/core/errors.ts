import { ZodError } from 'zod';
import { isRemotingError, type RemotingError, type RemotingResponseError } from '../../remoting';
import { RequestCode, ResponseCode } from '../../rocketmq/codes';

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

/**
 * Whether a broker refused the console's account: 5.x (ACL 2.0) answers NO_PERMISSION (16) to a failed
 * authentication or authorization; 4.x (ACL 1.0) answers a system error (1) whose remark is the AclException.
 */
export function isAccessRefusal(error: unknown): error is RemotingResponseError {
  if (!isRemotingError(error) || error.kind !== 'response') return false;
  const { code, remark } = error as RemotingResponseError;
  // 5.x also answers 16 to an ACL admin call the metadata refuses ("The user is existed"): not a refusal of the account
  if (code === ResponseCode.NO_PERMISSION) return /username cannot be null|is not found|is disabled|signature|has no permission|no matched polic/i.test(remark ?? '');
  return code === 1 && /AclException|accessKey|signature|no permission|white ?remote ?address/i.test(remark ?? '');
}

const REQUEST_NAMES = new Map<number, string>(Object.entries(RequestCode).map(([name, code]) => [code as number, name]));

/** A broker refused what the console asked with the cluster's account (ACL): 403 naming cluster, broker, request and account. */
export class AccessRefusedError extends ConsoleError {
  readonly status = 403;
  readonly code = 'access_refused';
  constructor(cluster: string, accessKey: string | undefined, readonly failure: RemotingResponseError) {
    const request = REQUEST_NAMES.get(failure.requestCode) ?? `request ${failure.requestCode}`;
    const reason = refusalReason(failure);
    const who = accessKey ? `the account ${accessKey}` : 'no account (the cluster has no credentials in the clusters file)';
    super(
      `cluster ${cluster}: ${failure.addr} refused ${request} for ${who}: ${reason}. ${
        /username cannot be null|no accessKey|signature|not found|disabled|no acl config/i.test(reason)
          ? `Check the credentials of cluster ${cluster} in the clusters file.`
          : 'The broker\'s access control does not let this account do it.'
      }`,
    );
    this.details = { brokerAddr: failure.addr, request, requestCode: failure.requestCode, responseCode: failure.code, ...(accessKey ? { accessKey } : {}) };
  }
}

/** The broker's words without 4.x's Java dressing ("org.apache…AclException: …, org.apache…validate(File.java:664)"). */
function refusalReason(failure: RemotingResponseError): string {
  return (failure.remark ?? `code ${failure.code}`)
    .replace(/^[\w.$]*AclException:\s*/, '')
    .replace(/,\s*[\w.$]+\([\w.]+:\d+\)\s*$/, '')
    .trim()
    .replace(/\.$/, '');
}

/** An access refusal (bare or inside a BrokerCallError) as the 403 naming the cluster; anything else as it is. */
export function namingAccessRefusal(error: unknown, cluster: string, accessKey: string | undefined): unknown {
  // a BrokerCallError may come from another copy of this module (see CONSOLE_ERROR): read its failure by shape
  const failure = isConsoleError(error) && 'failure' in error ? (error as { failure: unknown }).failure : error;
  return isAccessRefusal(failure) ? new AccessRefusedError(cluster, accessKey, failure) : error;
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
      if (isAccessRefusal(error)) return `${where} refused ${REQUEST_NAMES.get(error.requestCode) ?? `request ${error.requestCode}`} to the console's account (access control): ${refusalReason(error)}`;
      return `${where}: ${error.message.replace(`${error.addr} `, '')}`;
  }
}

/** A failure as the API answers it: status, code, message and the field to fix; undefined for an unexpected one. */
export interface ErrorAnswer {
  status: number;
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

/**
 * The one mapping of failures to answers, for the HTTP adapter and the terminal command's direct mode alike: a bad
 * input names its field (400), a ConsoleError says its own status, a broker's failure is 502 or 504 naming it.
 */
export function errorAnswer(error: unknown): ErrorAnswer | undefined {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return { status: 400, code: 'bad_input', message: `${field ? `${field}: ` : ''}${issue?.message ?? 'invalid input'}`, field };
  }
  if (isConsoleError(error)) return { status: error.status, code: error.code, message: error.message, field: error.field, details: error.details };
  if (isRemotingError(error)) {
    const timeout = error.kind === 'timeout';
    return { status: timeout ? 504 : 502, code: timeout ? 'broker_timeout' : 'broker_error', message: describeFailure(error) };
  }
  return undefined;
}
