import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsole, type Console } from '@/lib/console/console';
import { readSettings } from '@/lib/console/core/config';
import { createLog } from '@/lib/console/core/log';
import { signInAtProvider, startOidcProvider, type TestOidcProvider } from '../../../test-support/oidc-provider';
import { GET as sessionRoute } from '../session/route';
import { GET as clusterRoute } from '../clusters/[cluster]/brokers/route';
import { POST as resetRoute } from '../clusters/[cluster]/groups/[group]/reset/preview/route';
import { GET as callbackRoute } from './oidc/callback/route';
import { GET as startRoute } from './oidc/start/route';

// Single sign-on end to end without a browser: a real OpenID provider (oidc-provider) on loopback, the console's own
// route handlers (start, callback, session) on a console built as the server builds it, and the provider's login
// form submitted like a browser would. The redirect URI names a console origin nobody listens on: the handlers
// are called in-process, and the provider only redirects to it.
const PROVIDER_PORT = 4411;
const ORIGIN = 'http://127.0.0.1:3291';
const CALLBACK = `${ORIGIN}/api/auth/oidc/callback`;
const slot = globalThis as typeof globalThis & { __rocketmqConsole?: Console };
const noParams = { params: Promise.resolve({}) };

let provider: TestOidcProvider;
let app: Console;
let dataDir: string;

beforeAll(async () => {
  provider = await startOidcProvider({
    port: PROVIDER_PORT,
    redirectUris: [CALLBACK],
    accounts: { alice: { name: 'Alice Ops', groups: ['rmq-operators', 'staff'] }, mallory: { groups: ['marketing'] }, root: { groups: ['rmq-admins'] } },
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'oidc-console-'));
  const settings = readSettings({ NAMESRV_ADDR: '127.0.0.1:1', CLUSTER_KEY: 'lab', DATA_DIR: dataDir, CONSOLE_ADMIN_PASSWORD: 'unused-admin-password' });
  settings.auth.oidc = {
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scopes: 'openid profile email groups',
    label: 'Test IdP',
    usernameClaim: 'preferred_username',
    roleClaim: 'groups',
    mappings: [
      { value: 'rmq-operators', role: 'operator', clusters: ['lab'] },
      { value: 'staff', role: 'viewer', clusters: ['*'] },
      { value: 'rmq-admins', role: 'admin', clusters: ['*'] },
    ],
  };
  app = createConsole(settings, { log: createLog('silent') });
  slot.__rocketmqConsole = app;
});

afterAll(async () => {
  slot.__rocketmqConsole = undefined;
  await app?.close();
  await provider?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function cookieFrom(response: Response, name: string): string | undefined {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(';');
    if (pair!.startsWith(`${name}=`)) return decodeURIComponent(pair!.slice(name.length + 1));
  }
  return undefined;
}

/** /api/auth/oidc/start → the provider's login form → /api/auth/oidc/callback, as the browser would go. */
async function signIn(login: string, next = '/clusters/lab/groups') {
  const start = await startRoute(new Request(`${ORIGIN}/api/auth/oidc/start?next=${encodeURIComponent(next)}`), noParams);
  expect(start.status).toBe(302);
  const authorization = new URL(start.headers.get('location')!);
  expect(authorization.origin).toBe(provider.issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('redirect_uri')).toBe(CALLBACK);
  const flow = cookieFrom(start, 'rmqc_oidc')!;
  expect(start.headers.getSetCookie().find((c) => c.startsWith('rmqc_oidc='))).toMatch(/Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600/);
  const back = await signInAtProvider(authorization.href, login, CALLBACK);
  const callback = await callbackRoute(new Request(back, { headers: { cookie: `rmqc_oidc=${encodeURIComponent(flow)}` } }), noParams);
  return { callback, back, flow };
}

async function sessionOf(secret: string) {
  const response = await sessionRoute(new Request(`${ORIGIN}/api/session`, { headers: { cookie: `rmqc_session=${encodeURIComponent(secret)}` } }), noParams);
  return { status: response.status, body: (await response.json()) as { user: string; displayName: string; bindings: unknown; clusters: Array<{ name: string; role: string | null }> } };
}

describe('OIDC sign-in against a real provider', () => {
  it('maps the groups claim to roles on the session and sends the browser on to where it was going', async () => {
    const { callback } = await signIn('alice');
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe(`${ORIGIN}/clusters/lab/groups`);
    const secret = cookieFrom(callback, 'rmqc_session')!;
    expect(secret).toBeTruthy();
    expect(cookieFrom(callback, 'rmqc_oidc')).toBe('');
    const session = await sessionOf(secret);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({ user: 'alice', displayName: 'Alice Ops', bindings: [{ cluster: '*', role: 'viewer' }, { cluster: 'lab', role: 'operator' }] });
    expect(session.body.clusters).toEqual([expect.objectContaining({ name: 'lab', role: 'operator' })]);
    // the user is kept (source oidc, no password), with the bindings of this sign-in
    const user = await (await app.store()).auth.userByName('alice');
    expect(user).toMatchObject({ source: 'oidc', passwordHash: null, oidcIssuer: provider.issuer, oidcSubject: 'alice' });
  });

  it('recomputes the roles at each sign-in from the claims of that moment', async () => {
    provider.setAccount('bob', { groups: ['rmq-admins'] });
    const first = cookieFrom((await signIn('bob')).callback, 'rmqc_session')!;
    expect((await sessionOf(first)).body.bindings).toEqual([{ cluster: '*', role: 'admin' }]);
    provider.setAccount('bob', { groups: ['staff'] });
    const second = cookieFrom((await signIn('bob')).callback, 'rmqc_session')!;
    expect((await sessionOf(second)).body.bindings).toEqual([{ cluster: '*', role: 'viewer' }]);
  });

  it('signs in a user whose claims map to no role, who then has no role anywhere', async () => {
    const secret = cookieFrom((await signIn('mallory')).callback, 'rmqc_session')!;
    const session = await sessionOf(secret);
    expect(session.body.bindings).toEqual([]);
    expect(session.body.clusters).toEqual([expect.objectContaining({ name: 'lab', role: null })]);
    const cookie = { cookie: `rmqc_session=${encodeURIComponent(secret)}`, origin: ORIGIN };
    const read = await clusterRoute(new Request(`${ORIGIN}/api/clusters/lab/brokers`, { headers: cookie }), { params: Promise.resolve({ cluster: 'lab' }) });
    expect(read.status).toBe(403);
    expect(((await read.json()) as { error: { message: string } }).error.message).toBe('cluster:read needs the viewer role on cluster lab; you have no role on cluster lab');
    const reset = await resetRoute(new Request(`${ORIGIN}/api/clusters/lab/groups/g/reset/preview`, { method: 'POST', headers: cookie, body: '{}' }), { params: Promise.resolve({ cluster: 'lab', group: 'g' }) });
    expect(reset.status).toBe(403);
  });

  it('refuses a callback replayed, without its flow cookie, or with a state that is not its own', async () => {
    const { back, flow, callback } = await signIn('alice');
    expect(callback.status).toBe(302);
    // the flow was used: the same callback again goes back to /login with the reason
    const replay = await callbackRoute(new Request(back, { headers: { cookie: `rmqc_oidc=${encodeURIComponent(flow)}` } }), noParams);
    expect(new URL(replay.headers.get('location')!).pathname).toBe('/login');
    expect(new URL(replay.headers.get('location')!).searchParams.get('error')).toMatch(/expired or was already used/);
    expect(cookieFrom(replay, 'rmqc_session')).toBeUndefined();

    const start = await startRoute(new Request(`${ORIGIN}/api/auth/oidc/start`), noParams);
    const fresh = cookieFrom(start, 'rmqc_oidc')!;
    const returned = await signInAtProvider(start.headers.get('location')!, 'alice', CALLBACK);
    const noCookie = await callbackRoute(new Request(returned), noParams);
    expect(new URL(noCookie.headers.get('location')!).searchParams.get('error')).toMatch(/expired or was already used/);

    // a callback carrying another flow's state (a login CSRF) fails the state check
    const other = await startRoute(new Request(`${ORIGIN}/api/auth/oidc/start`), noParams);
    const otherFlow = cookieFrom(other, 'rmqc_oidc')!;
    const forged = await callbackRoute(new Request(returned, { headers: { cookie: `rmqc_oidc=${encodeURIComponent(otherFlow)}` } }), noParams);
    const error = new URL(forged.headers.get('location')!).searchParams.get('error');
    expect(error).toMatch(/single sign-on with http:\/\/127\.0\.0\.1:4411 failed: .*state/);
    expect(cookieFrom(forged, 'rmqc_session')).toBeUndefined();
    expect(fresh).not.toBe(otherFlow);
  });

  it('keeps next on this console only', async () => {
    const { callback } = await signIn('alice', 'https://evil.example/steal');
    expect(callback.headers.get('location')).toBe(`${ORIGIN}/`);
  });
});
