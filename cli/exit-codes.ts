/**
 * Exit codes a script can branch on. A partial answer (a broker did not answer) exits 0 with a warning on stderr,
 * or PARTIAL with --strict: most scripts want the rows they can have, a health check wants to know.
 */
export const EXIT = {
  OK: 0,
  /** Anything not below: a bug, an answer the command did not expect. */
  FAILED: 1,
  /** Bad usage or input: a missing option, a value the console refused (400, which names the field). */
  USAGE: 2,
  /** Not signed in, a token refused, or a role that may not do this (401, 403). */
  DENIED: 3,
  /** No such cluster, topic, group, message or audit entry (404). */
  NOT_FOUND: 4,
  /** Refused as it stands: another change running, a stale preview, a preview other than --expect-preview, blockers (409). */
  CONFLICT: 5,
  /** The console or the cluster did not answer, or failed (502, 504, connection refused). */
  UNAVAILABLE: 6,
  /** Some brokers did not answer (--strict), or a change applied to some queues only. */
  PARTIAL: 7,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** The exit code of an HTTP status the console answered with. */
export function exitCodeOfStatus(status: number): ExitCode {
  if (status === 400 || status === 422) return EXIT.USAGE;
  if (status === 401 || status === 403) return EXIT.DENIED;
  if (status === 404) return EXIT.NOT_FOUND;
  if (status === 409) return EXIT.CONFLICT;
  if (status === 502 || status === 503 || status === 504) return EXIT.UNAVAILABLE;
  return EXIT.FAILED;
}
