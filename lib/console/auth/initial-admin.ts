import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthSettings } from '../core/config';
import type { Logger } from '../core/log';
import { ALL_CLUSTERS } from '../core/roles';
import type { AuthStore } from '../store/auth';
import { generatePassword, hashPassword } from './passwords';

export interface InitialAdminResult {
  /** created: this call made the first user; exists: there were users already. */
  outcome: 'created' | 'exists';
  /** Set when a one-time password was generated (also written to the password file). */
  oneTimePassword?: string;
}

/**
 * The first admin, made when the store holds no user: CONSOLE_ADMIN_PASSWORD when set (no change required), else
 * a generated one-time password, logged, printed on stderr and written to DATA_DIR/initial-admin-password (0600),
 * which the admin must replace at the first sign-in. With users already there nothing changes: setting
 * CONSOLE_ADMIN_PASSWORD later does not reset anyone's password (an admin does that on /admin/users).
 */
export async function ensureInitialAdmin(store: AuthStore, settings: AuthSettings, log: Logger, now = Date.now()): Promise<InitialAdminResult> {
  const { username, password, passwordFile } = settings.initialAdmin;
  if ((await store.countUsers()) > 0) {
    const admin = await store.userByName(username);
    if (admin?.mustChangePassword && existsSync(passwordFile)) {
      log.warn({ username, passwordFile }, 'the first admin has not yet replaced the one-time password');
      process.stderr.write(`Sign in at ${settings.signInUrl} as ${username} with the one-time password in ${passwordFile}\n`);
    }
    return { outcome: 'exists' };
  }
  const oneTime = password === undefined;
  const secret = password ?? generatePassword();
  const id = await store.insertUser({
    username,
    displayName: username,
    passwordHash: await hashPassword(secret),
    source: 'local',
    oidcIssuer: null,
    oidcSubject: null,
    bindings: [{ cluster: ALL_CLUSTERS, role: 'admin' }],
    disabled: false,
    mustChangePassword: oneTime,
    createdAt: now,
    updatedAt: now,
  });
  // another process made it between the count and the insert: theirs stands
  if (id === undefined) return { outcome: 'exists' };
  if (!oneTime) {
    log.info({ username }, 'first admin created with the password from CONSOLE_ADMIN_PASSWORD');
    return { outcome: 'created' };
  }
  mkdirSync(path.dirname(path.resolve(passwordFile)), { recursive: true });
  writeFileSync(passwordFile, `${secret}\n`, { mode: 0o600 });
  chmodSync(passwordFile, 0o600);
  log.warn({ username, passwordFile, signIn: settings.signInUrl }, 'first admin created with a one-time password (printed on stderr, and in the password file); choose a new one at the first sign-in');
  process.stderr.write(`\nSign in at ${settings.signInUrl} as ${username} with the one-time password: ${secret}\n(also in ${passwordFile}; you will choose your own password at the first sign-in)\n\n`);
  return { outcome: 'created', oneTimePassword: secret };
}

/** Once the first admin chose their own password, the one-time password file only misleads: it goes. */
export function removeOneTimePasswordFile(settings: AuthSettings, username: string): void {
  if (username !== settings.initialAdmin.username) return;
  rmSync(settings.initialAdmin.passwordFile, { force: true });
}
