import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSettings } from '../core/config';
import { createLog } from '../core/log';
import { openStore, type Store } from '../store';
import { hashSecret } from './secrets';
import { Auth, capBindings, KEEP_ENDED_MS, TOUCH_EVERY_MS } from './service';

// The sign-in service on a real SQLite file, with a clock the test moves.
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.restoreAllMocks();
});

async function setup(env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'auth-service-'));
  const settings = readSettings({ NAMESRV_ADDR: '127.0.0.1:1', DATA_DIR: dir, SESSION_TTL_HOURS: '1', LOGIN_MAX_FAILURES: '3', ...env });
  const store: Store = await openStore({ sqlitePath: settings.store.sqlitePath! });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => store.close());
  const clock = { now: 1_700_000_000_000 };
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const auth = new Auth({ settings, store: async () => store, log: createLog('silent'), now: () => clock.now });
  const client = { ip: '10.1.1.1', userAgent: 'vitest' };
  return { dir, settings, store, clock, auth, client, dbFile: settings.store.sqlitePath! };
}

async function failure(work: Promise<unknown>): Promise<Error> {
  return work.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: Error) => error,
  );
}

describe('the first admin', () => {
  it('takes the password from CONSOLE_ADMIN_PASSWORD: no change required, nothing written to disk', async () => {
    const { auth, settings, client } = await setup({ CONSOLE_ADMIN_PASSWORD: 'from-the-environment-1' });
    expect(await auth.ensureInitialAdmin()).toEqual({ outcome: 'created' });
    expect(existsSync(settings.auth.initialAdmin.passwordFile)).toBe(false);
    const session = await auth.login({ username: 'admin', password: 'from-the-environment-1', ...client });
    expect(session.principal).toMatchObject({ user: 'admin', bindings: [{ cluster: '*', role: 'admin' }] });
    expect(session.principal.mustChangePassword).toBeUndefined();
  });

  it('generates a one-time password: printed on stderr, written 0600 to DATA_DIR, to be replaced at the first sign-in', async () => {
    const { auth, settings, client, store } = await setup({ CONSOLE_ADMIN_USER: 'root' });
    const result = await auth.ensureInitialAdmin();
    expect(result.outcome).toBe('created');
    const password = result.oneTimePassword!;
    expect(password).toMatch(/^\w{20}$/);
    expect(settings.auth.initialAdmin.passwordFile).toBe(path.join(path.dirname(settings.store.sqlitePath!), 'initial-admin-password'));
    expect(readFileSync(settings.auth.initialAdmin.passwordFile, 'utf8')).toBe(`${password}\n`);
    expect(statSync(settings.auth.initialAdmin.passwordFile).mode & 0o777).toBe(0o600);
    const printed = vi.mocked(process.stderr.write).mock.calls.map((c) => String(c[0])).join('');
    expect(printed).toContain(`Sign in at http://localhost:3000/login as root with the one-time password: ${password}`);
    // a second call (another start) makes nobody new
    expect((await new Auth({ settings, store: async () => store, log: createLog('silent') }).ensureInitialAdmin()).outcome).toBe('exists');
    expect(await store.auth.countUsers()).toBe(1);

    const session = await auth.login({ username: 'root', password, ...client });
    expect(session.principal.mustChangePassword).toBe(true);
    const principal = (await auth.authenticate({ session: session.secret }))!;
    expect(principal.mustChangePassword).toBe(true);
    await expect(auth.changePassword(principal, 'wrong-password', 'my-own-password-1')).rejects.toMatchObject({ status: 401, code: 'bad_credentials' });
    await auth.changePassword(principal, password, 'my-own-password-1');
    expect((await auth.authenticate({ session: session.secret }))!.mustChangePassword).toBeUndefined();
    // the one-time password file goes once it is no longer the password
    expect(existsSync(settings.auth.initialAdmin.passwordFile)).toBe(false);
    await expect(auth.login({ username: 'root', password, ...client })).rejects.toMatchObject({ status: 401 });
    expect((await auth.login({ username: 'root', password: 'my-own-password-1', ...client })).principal.user).toBe('root');
  });
});

describe('sessions', () => {
  it('create, authenticate, slide, expire', async () => {
    const { auth, clock, client, store } = await setup({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const { secret, principal, maxAgeMs } = await auth.login({ username: 'admin', password: 'admin-password-123', ...client });
    expect(maxAgeMs).toBe(3_600_000);
    expect(await auth.authenticate({ session: secret })).toEqual(principal);
    const row = (await store.auth.sessionById(principal.sessionId!))!;
    expect(row).toMatchObject({ kind: 'session', method: 'password', ip: '10.1.1.1', userAgent: 'vitest', expiresAt: clock.now + 3_600_000 });
    // used within the minute: nothing written; after it, the expiry slides
    clock.now += TOUCH_EVERY_MS - 1;
    await auth.authenticate({ session: secret });
    expect((await store.auth.sessionById(principal.sessionId!))!.lastSeenAt).toBe(row.lastSeenAt);
    clock.now += 50 * 60_000;
    expect(await auth.authenticate({ session: secret })).toBeDefined();
    expect((await store.auth.sessionById(principal.sessionId!))!.expiresAt).toBe(clock.now + 3_600_000);
    // idle past the TTL: refused
    clock.now += 3_600_000;
    expect(await auth.authenticate({ session: secret })).toBeUndefined();
    expect(await auth.authenticate({ session: 'not-a-session' })).toBeUndefined();
  });

  it('a revoked session is refused; signing out revokes; users see and revoke only their own', async () => {
    const { auth, client, clock } = await setup({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const admin = await auth.login({ username: 'admin', password: 'admin-password-123', ...client });
    await auth.users.create({ username: 'vic', password: 'viewer-password-1', bindings: [{ cluster: 'default', role: 'viewer' }], mustChangePassword: false }, admin.principal);
    const vic1 = await auth.login({ username: 'vic', password: 'viewer-password-1', ...client });
    const vic2 = await auth.login({ username: 'vic', password: 'viewer-password-1', ip: '10.2.2.2', userAgent: 'curl' });
    const own = await auth.ownSessions(vic1.principal);
    expect(own.map((s) => [s.id, s.current, s.ip]).sort()).toEqual([[vic1.principal.sessionId, true, '10.1.1.1'], [vic2.principal.sessionId, false, '10.2.2.2']].sort());
    await expect(auth.revoke(vic1.principal, admin.principal.sessionId!)).rejects.toMatchObject({ status: 403 });
    await auth.revoke(vic1.principal, vic2.principal.sessionId!);
    expect(await auth.authenticate({ session: vic2.secret })).toBeUndefined();
    // an admin revokes anyone's
    expect((await auth.allSessions(admin.principal)).map((s) => s.username).sort()).toEqual(['admin', 'vic']);
    await auth.revoke(admin.principal, vic1.principal.sessionId!);
    expect(await auth.authenticate({ session: vic1.secret })).toBeUndefined();
    await auth.logout(admin.principal);
    expect(await auth.authenticate({ session: admin.secret })).toBeUndefined();
    // ended rows stay a week for the record, then go
    expect(await auth.purgeEnded()).toBe(0);
    clock.now += KEEP_ENDED_MS + 1;
    expect(await auth.purgeEnded()).toBe(3);
    await expect(auth.revoke(admin.principal, 'no-such-id')).rejects.toMatchObject({ status: 404 });
  });

  it('a disabled user is refused at sign-in and on every open session; a wrong username fails like a wrong password', async () => {
    const { auth, client } = await setup({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const admin = await auth.login({ username: 'admin', password: 'admin-password-123', ...client });
    await auth.users.create({ username: 'olga', password: 'operator-pass-1', bindings: [{ cluster: '*', role: 'operator' }], mustChangePassword: false }, admin.principal);
    const olga = await auth.login({ username: 'olga', password: 'operator-pass-1', ...client });
    await auth.users.update('olga', { disabled: true }, admin.principal);
    expect(await auth.authenticate({ session: olga.secret })).toBeUndefined();
    const disabled = await failure(auth.login({ username: 'olga', password: 'operator-pass-1', ...client }));
    const wrongPassword = await failure(auth.login({ username: 'admin', password: 'not-the-password', ...client }));
    const wrongUser = await failure(auth.login({ username: 'nobody', password: 'operator-pass-1', ...client }));
    expect(disabled).toMatchObject({ status: 401, code: 'bad_credentials', message: wrongPassword.message });
    expect(wrongUser).toMatchObject({ status: 401, code: 'bad_credentials', message: wrongPassword.message });
    expect(wrongPassword.message).toBe('the username or password is not right (both are case-sensitive)');
    await expect(auth.users.update('admin', { disabled: true }, admin.principal)).rejects.toMatchObject({ status: 409, code: 'own_account' });
    await expect(auth.users.create({ username: 'olga', password: 'another-password', bindings: [], mustChangePassword: true }, admin.principal)).rejects.toMatchObject({ status: 409, field: 'username' });
    await expect(auth.users.create({ username: 'x', password: 'another-password', bindings: [{ cluster: 'nope', role: 'viewer' }], mustChangePassword: true }, admin.principal)).rejects.toMatchObject({ status: 400, field: 'bindings.0.cluster' });
  });

  it('rate-limits failed sign-ins: the attempt after N failures is refused with when to retry, even with the right password', async () => {
    const { auth, clock, client } = await setup({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123', LOGIN_WINDOW_SECONDS: '60' });
    for (let i = 0; i < 3; i++) await expect(auth.login({ username: 'admin', password: `wrong-${i}`, ...client })).rejects.toMatchObject({ status: 401 });
    const refused = await failure(auth.login({ username: 'admin', password: 'admin-password-123', ...client }));
    expect(refused).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 60_000 });
    expect(refused.message).toMatch(/^too many failed sign-ins: try again in 60 s/);
    clock.now += 60_001;
    expect((await auth.login({ username: 'admin', password: 'admin-password-123', ...client })).principal.user).toBe('admin');
  });
});

describe('API tokens', () => {
  it('are shown once, kept only as a hash, act with the user’s roles or lower ones, and are refused once revoked or expired', async () => {
    const { auth, client, clock, dbFile } = await setup({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const admin = await auth.login({ username: 'admin', password: 'admin-password-123', ...client });
    await auth.users.create({ username: 'olga', password: 'operator-pass-1', bindings: [{ cluster: '*', role: 'viewer' }, { cluster: 'default', role: 'operator' }], mustChangePassword: false }, admin.principal);
    const olga = await auth.login({ username: 'olga', password: 'operator-pass-1', ...client });
    const full = await auth.createToken(olga.principal, { name: 'ci' });
    const capped = await auth.createToken(olga.principal, { name: 'dashboards', role: 'viewer', expiresInDays: 1 });
    expect(full.token).toMatch(/^rmqc_[\w-]{43}$/);
    expect(full.view).toMatchObject({ kind: 'token', name: 'ci', roleCap: null, expiresAt: null, username: 'olga' });
    expect(capped.view.expiresAt).toBe(clock.now + 86_400_000);

    // at rest: the hash, never the token
    const db = new Database(dbFile, { readonly: true });
    const dump = JSON.stringify(db.prepare('SELECT * FROM auth_session').all());
    db.close();
    expect(dump).not.toContain(full.token);
    expect(dump).not.toContain(full.token.slice(5));
    expect(dump).toContain(hashSecret(full.token));

    expect(await auth.authenticate({ bearer: full.token })).toMatchObject({ kind: 'token', user: 'olga', tokenId: full.view.id, bindings: [{ cluster: '*', role: 'viewer' }, { cluster: 'default', role: 'operator' }] });
    expect((await auth.authenticate({ bearer: capped.token }))!.bindings).toEqual([{ cluster: '*', role: 'viewer' }, { cluster: 'default', role: 'viewer' }]);
    // a session secret is no token and the other way round
    expect(await auth.authenticate({ bearer: olga.secret })).toBeUndefined();
    expect(await auth.authenticate({ session: full.token })).toBeUndefined();
    // a token may not mint tokens (a capped one would make an uncapped one)
    const tokenPrincipal = (await auth.authenticate({ bearer: capped.token }))!;
    await expect(auth.createToken(tokenPrincipal, { name: 'escalate' })).rejects.toMatchObject({ status: 403 });

    await auth.revoke(olga.principal, full.view.id, 'token');
    expect(await auth.authenticate({ bearer: full.token })).toBeUndefined();
    clock.now += 86_400_001;
    expect(await auth.authenticate({ bearer: capped.token })).toBeUndefined();
  });

  it('caps bindings at a role, and a cap that is no role grants nothing', () => {
    const bindings = [{ cluster: '*', role: 'admin' as const }, { cluster: 'a', role: 'viewer' as const }];
    expect(capBindings(bindings, 'operator')).toEqual([{ cluster: '*', role: 'operator' }, { cluster: 'a', role: 'viewer' }]);
    expect(capBindings(bindings, null)).toEqual(bindings);
    expect(capBindings(bindings, 'superuser')).toEqual([]);
  });
});
