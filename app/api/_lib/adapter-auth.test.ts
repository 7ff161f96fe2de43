import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createConsole, type Console } from '@/lib/console/console';
import { readSettings } from '@/lib/console/core/config';
import { createLog } from '@/lib/console/core/log';
import { POST as loginRoute } from '../auth/login/route';
import { POST as logoutRoute } from '../auth/logout/route';
import { GET as tokensRoute, POST as createTokenRoute } from '../auth/tokens/route';
import { GET as sessionRoute } from '../session/route';
import { GET as usersRoute } from '../admin/users/route';
import { POST as resendPreviewRoute } from '../clusters/[cluster]/messages/[msgId]/resend/preview/route';

// The API adapter's sign-in rules through real route handlers, on consoles built as the server builds them (a
// SQLite store in a temporary directory; no broker is called): who is asking, the Origin check on browser
// mutations, API tokens, and AUTH=off serving loopback hosts only.
const slot = globalThis as typeof globalThis & { __rocketmqConsole?: Console };
const none = { params: Promise.resolve({}) };
const ORIGIN = 'http://127.0.0.1:3292';
const dirs: string[] = [];
let app: Console | undefined;

function use(env: Record<string, string>): Console {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'adapter-auth-'));
  dirs.push(dir);
  app = createConsole(readSettings({ NAMESRV_ADDR: '127.0.0.1:1', CLUSTER_KEY: 'lab', DATA_DIR: dir, ...env }), { log: createLog('silent') });
  slot.__rocketmqConsole = app;
  return app;
}

afterEach(async () => {
  slot.__rocketmqConsole = undefined;
  await app?.close();
  app = undefined;
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const req = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) => new Request(`${ORIGIN}${url}`, { ...init, headers: { host: '127.0.0.1:3292', ...init.headers } });
const body = async (r: Response) => (await r.json()) as { error?: { code: string; message: string; field?: string } } & Record<string, unknown>;

async function signIn(password: string): Promise<string> {
  const r = await loginRoute(req('/api/auth/login', { method: 'POST', headers: { origin: ORIGIN }, body: JSON.stringify({ username: 'admin', password }) }), none);
  expect(r.status).toBe(200);
  const set = r.headers.getSetCookie().find((c) => c.startsWith('rmqc_session='))!;
  expect(set).toMatch(/; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
  return set.split(';')[0]!;
}

describe('the API adapter with sign-in on', () => {
  it('answers 401 to nobody, and serves the session cookie’s user', async () => {
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    expect((await sessionRoute(req('/api/session'), none)).status).toBe(401);
    const cookie = await signIn('admin-password-123');
    const me = await sessionRoute(req('/api/session', { headers: { cookie } }), none);
    expect(await body(me)).toMatchObject({ user: 'admin', kind: 'session', authEnabled: true });
  });

  it('refuses a mutation carrying the session cookie without the console’s own Origin (Referer accepted), and a foreign one', async () => {
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const cookie = await signIn('admin-password-123');
    const create = (headers: Record<string, string>) => createTokenRoute(req('/api/auth/tokens', { method: 'POST', headers: { cookie, ...headers }, body: JSON.stringify({ name: 't' }) }), none);
    const missing = await create({});
    expect(missing.status).toBe(403);
    expect((await body(missing)).error?.code).toBe('bad_origin');
    const foreign = await create({ origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await body(foreign)).error?.message).toContain('http://evil.example');
    expect((await create({ referer: `${ORIGIN}/account` })).status).toBe(200);
    // behind a proxy: the forwarded host and scheme are the request's own origin
    const proxied = await createTokenRoute(
      new Request('http://internal:3000/api/auth/tokens', { method: 'POST', headers: { host: 'internal:3000', 'x-forwarded-host': 'mq.example.com', 'x-forwarded-proto': 'https', origin: 'https://mq.example.com', cookie }, body: JSON.stringify({ name: 'p' }) }),
      none,
    );
    expect(proxied.status).toBe(200);
  });

  it('an API token works without cookie or Origin, acts with its capped role, and is refused once revoked', async () => {
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const cookie = await signIn('admin-password-123');
    const made = await body(await createTokenRoute(req('/api/auth/tokens', { method: 'POST', headers: { cookie, origin: ORIGIN }, body: JSON.stringify({ name: 'ci', role: 'viewer' }) }), none));
    const token = made.token as string;
    const bearer = { authorization: `Bearer ${token}` };
    expect(await body(await sessionRoute(req('/api/session', { headers: bearer }), none))).toMatchObject({ user: 'admin', kind: 'token', bindings: [{ cluster: '*', role: 'viewer' }] });
    // capped at viewer: no console:admin through this token
    expect((await usersRoute(req('/api/admin/users', { headers: bearer }), none)).status).toBe(403);
    expect((await body(await tokensRoute(req('/api/auth/tokens', { headers: { cookie } }), none))).items).toHaveLength(1);
    await app!.auth.revoke((await app!.auth.authenticate({ session: decodeURIComponent(cookie.split('=')[1]!) }))!, made.id as string);
    expect((await sessionRoute(req('/api/session', { headers: bearer }), none)).status).toBe(401);
    expect((await sessionRoute(req('/api/session', { headers: { authorization: 'Bearer ' } }), none)).status).toBe(401);
  });

  it('tells a caller who may not ask that first (401, 403), whatever the path holds; a malformed id only then (400)', async () => {
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const cookie = await signIn('admin-password-123');
    const made = await body(await createTokenRoute(req('/api/auth/tokens', { method: 'POST', headers: { cookie, origin: ORIGIN }, body: JSON.stringify({ name: 'viewer', role: 'viewer' }) }), none));
    const at = (msgId: string) => ({ params: Promise.resolve({ cluster: 'lab', msgId }) });
    const post = (headers: Record<string, string>, msgId: string) => resendPreviewRoute(req(`/api/clusters/lab/messages/${msgId}/resend/preview`, { method: 'POST', headers: { origin: ORIGIN, ...headers }, body: '{}' }), at(msgId));
    const bad = '0A0000000000000000000000';
    expect((await post({}, bad)).status).toBe(401);
    expect((await body(await post({ authorization: `Bearer ${made.token as string}` }, bad))).error).toMatchObject({ code: 'forbidden' });
    expect((await body(await post({ cookie }, bad))).error).toMatchObject({ code: 'bad_input', field: 'msgId' });
  });

  it('signing out revokes the session on the server and clears the cookie', async () => {
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const cookie = await signIn('admin-password-123');
    const out = await logoutRoute(req('/api/auth/logout', { method: 'POST', headers: { cookie, origin: ORIGIN } }), none);
    expect(out.status).toBe(200);
    expect(out.headers.getSetCookie()).toEqual(['rmqc_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0']);
    expect((await sessionRoute(req('/api/session', { headers: { cookie } }), none)).status).toBe(401);
  });

  it('sets Secure on the cookie over TLS (auto) or always when told', async () => {
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123' });
    const tls = await loginRoute(req('/api/auth/login', { method: 'POST', headers: { 'x-forwarded-proto': 'https', origin: 'https://127.0.0.1:3292' }, body: JSON.stringify({ username: 'admin', password: 'admin-password-123' }) }), none);
    expect(tls.headers.getSetCookie()[0]).toMatch(/; Secure$/);
    await app!.close();
    use({ CONSOLE_ADMIN_PASSWORD: 'admin-password-123', COOKIE_SECURE: 'always' });
    const plain = await loginRoute(req('/api/auth/login', { method: 'POST', headers: { origin: ORIGIN }, body: JSON.stringify({ username: 'admin', password: 'admin-password-123' }) }), none);
    expect(plain.headers.getSetCookie()[0]).toMatch(/^rmqc_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/);
  });
});

describe('the API adapter with AUTH=off', () => {
  it('answers every request on a loopback host as the local admin, and refuses any other host', async () => {
    use({ AUTH: 'off' });
    expect(await body(await sessionRoute(req('/api/session'), none))).toMatchObject({ user: 'local', kind: 'local', authEnabled: false, bindings: [{ cluster: '*', role: 'admin' }] });
    expect((await sessionRoute(new Request('http://localhost:3000/api/session', { headers: { host: 'localhost:3000' } }), none)).status).toBe(200);
    const remote = await sessionRoute(new Request('http://10.0.0.5:3000/api/session', { headers: { host: '10.0.0.5:3000' } }), none);
    expect(remote.status).toBe(403);
    const refused = await body(remote);
    expect(refused.error?.code).toBe('auth_off_remote');
    expect(refused.error?.message).toContain('10.0.0.5:3000');
    const proxied = await sessionRoute(req('/api/session', { headers: { 'x-forwarded-host': 'mq.example.com' } }), none);
    expect(proxied.status).toBe(403);
  });

  it('still refuses a cross-site mutation (a page elsewhere posting to the laptop console)', async () => {
    use({ AUTH: 'off' });
    const forged = await createTokenRoute(req('/api/auth/tokens', { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'text/plain' }, body: JSON.stringify({ name: 'x' }) }), none);
    expect(forged.status).toBe(403);
    expect((await body(forged)).error?.code).toBe('bad_origin');
    // nothing to manage: there are no users or tokens with sign-in off
    const local = await createTokenRoute(req('/api/auth/tokens', { method: 'POST', headers: { origin: ORIGIN }, body: JSON.stringify({ name: 'x' }) }), none);
    expect(local.status).toBe(409);
    expect((await body(local)).error?.code).toBe('auth_off');
  });
});
