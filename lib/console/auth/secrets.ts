import { createHash, randomBytes } from 'node:crypto';

// Browser sessions and API tokens are bearer secrets: 32 random bytes. Only their SHA-256 is stored, so a copy of
// the database does not let anyone sign in. (A fast hash is right here: the secret has 256 bits of entropy, so there
// is nothing to brute-force, unlike a password.)

export const TOKEN_PREFIX = 'rmqc_';

export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** An API token: recognisable in a script or a leaked-secret scan by its prefix. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A public id for a session or token row (URLs of the sessions pages): not derived from the secret. */
export function newPublicId(): string {
  return randomBytes(12).toString('base64url');
}
