import { ConsoleError } from '../core/errors';

/** Wrong username or password: one message for both, so an attacker learns nothing about which. */
export class BadCredentialsError extends ConsoleError {
  readonly status = 401;
  readonly code = 'bad_credentials';
  constructor() {
    super('the username or password is not right (both are case-sensitive)');
  }
}

/** Too many failed sign-ins from this address (for this user). */
export class RateLimitedError extends ConsoleError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(readonly retryAfterMs: number) {
    const seconds = Math.ceil(retryAfterMs / 1000);
    super(`too many failed sign-ins: try again in ${seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`} (at ${new Date(Date.now() + retryAfterMs).toISOString()})`);
    this.details = { retryAfterSeconds: seconds };
  }
}

export class ForbiddenError extends ConsoleError {
  readonly status = 403;
  readonly code = 'forbidden';
}

/** The single sign-on round trip failed: the provider refused, the state did not match, the provider is down. */
export class OidcError extends ConsoleError {
  readonly status = 401;
  readonly code = 'oidc_failed';
}
