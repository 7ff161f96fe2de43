import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, request as apiRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { sandboxAdmin } from '../test-support/admin';
import { startOidcProvider, type TestOidcProvider } from '../test-support/oidc-provider';
import { offlineGroupWithOffsets } from '../test-support/reset';
import { open } from './support';

// Sign-in end to end in Chromium: local users through the form, single sign-on through a real OIDC provider's own
// login page, roles enforced by the server (a viewer's reset refused, every mutating cluster route 403), revocation,
// the login rate limit, and audit rows naming the user and the channel. Each test makes its own users through the
// admin API, as the first admin (CONSOLE_ADMIN_PASSWORD = E2E_ADMIN_PASSWORD).

const cluster = process.env.E2E_CLUSTER ?? 'lab';
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 4421);
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-123';
const c = encodeURIComponent(cluster);
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

let provider: TestOidcProvider;

test.beforeAll(async ({ baseURL }) => {
  provider = await startOidcProvider({
    port: oidcPort,
    redirectUris: [`${baseURL}/api/auth/oidc/callback`],
    accounts: { 'sso-olivia': { name: 'Olivia SSO', groups: ['rmq-operators', 'staff'] }, 'sso-mallory': { groups: ['marketing'] } },
  });
});

test.afterAll(async () => {
  await provider?.close();
});

/** An API client signed in with a password; it sends the console's own Origin, as the console's pages do. */
async function signedInApi(baseURL: string, username: string, password: string): Promise<APIRequestContext> {
  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await api.post('/api/auth/login', { data: { username, password } });
  expect(login.status(), await login.text()).toBe(200);
  return api;
}

async function createUser(admin: APIRequestContext, username: string, role: 'viewer' | 'operator' | 'admin', password = `${username}-pass-123`): Promise<string> {
  const created = await admin.post('/api/admin/users', { data: { username, password, bindings: [{ cluster: role === 'admin' ? '*' : cluster, role }], mustChangePassword: false } });
  expect(created.status(), await created.text()).toBe(200);
  return password;
}

async function signInThroughForm(page: Page, username: string, password: string): Promise<void> {
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('sign-in', () => {
  let admin: APIRequestContext;
  test.beforeAll(async ({ baseURL }) => {
    admin = await signedInApi(baseURL!, 'admin', adminPassword);
  });
  test.afterAll(async () => {
    await admin?.dispose();
  });

  test('a local user signs in through the form, lands where they were going, and signs out', async ({ page, baseURL }) => {
    const user = unique('local');
    const password = await createUser(admin, user, 'viewer');
    await page.goto(`/clusters/${c}/topics`);
    await expect(page).toHaveURL(`${baseURL}/login?next=${encodeURIComponent(`/clusters/${cluster}/topics`)}`);
    await signInThroughForm(page, user, password);
    await expect(page).toHaveURL(`${baseURL}/clusters/${c}/topics`);
    await expect(page.getByTestId('signed-in')).toContainText(user);
    await expect(page.getByTestId('signed-in')).toContainText(`viewer on ${cluster}`);
    // the cookie: HttpOnly, SameSite=Lax, not Secure over plain HTTP
    const cookie = (await page.context().cookies()).find((k) => k.name === 'rmqc_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    expect((await page.request.get('/api/session')).status()).toBe(401);
  });

  test('bad credentials get 401 naming neither field; repeated failures get 429 with when to retry', async ({ page, baseURL }) => {
    await page.goto('/login');
    await signInThroughForm(page, 'admin', 'not-the-admin-password');
    await expect(page.getByTestId('login-error')).toHaveText('the username or password is not right (both are case-sensitive)');

    const anon = await apiRequest.newContext({ baseURL: baseURL! });
    const probe = unique('nobody');
    const missing = await anon.post('/api/auth/login', { data: { username: probe } });
    expect(missing.status()).toBe(400);
    expect((await missing.json()).error.field).toBe('password');
    // LOGIN_MAX_FAILURES defaults to 5: five 401s, then the sixth attempt is refused before any password check
    for (let i = 0; i < 5; i++) {
      const r = await anon.post('/api/auth/login', { data: { username: probe, password: `wrong-${i}` } });
      expect(r.status(), `attempt ${i + 1}`).toBe(401);
      expect((await r.json()).error.code).toBe('bad_credentials');
    }
    const limited = await anon.post('/api/auth/login', { data: { username: probe, password: 'whatever' } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(200);
    expect((await limited.json()).error.message).toMatch(/^too many failed sign-ins: try again in \d+ min/);
    // a cross-site page cannot sign anyone in
    const forged = await anon.post('/api/auth/login', { headers: { origin: 'http://evil.example' }, data: { username: 'admin', password: adminPassword } });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe('bad_origin');
    await anon.dispose();
  });

  test('single sign-on through the provider’s own login page maps the groups claim to roles', async ({ page, baseURL }) => {
    await page.goto(`/clusters/${c}/groups`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
    await page.getByTestId('oidc-sign-in').click();
    // the provider's page (oidc-provider's own login form), not ours
    await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${oidcPort}/interaction/`));
    await page.locator('input[name=login]').fill('sso-olivia');
    await page.locator('input[name=password]').fill('any-password');
    await page.locator('button[type=submit]').click();
    await expect(page).toHaveURL(`${baseURL}/clusters/${c}/groups`);
    await expect(page.getByTestId('signed-in')).toContainText('Olivia SSO');
    const session = await (await page.request.get('/api/session')).json();
    expect(session.bindings).toEqual([{ cluster, role: 'operator' }]);
    // the provider's groups become the user's roles: the admin list shows them as a single sign-on user
    const users = (await (await admin.get('/api/admin/users')).json()).items as Array<{ username: string; source: string; bindings: unknown }>;
    expect(users.find((u) => u.username === 'sso-olivia')).toMatchObject({ source: 'oidc', bindings: [{ cluster, role: 'operator' }] });

    // a user whose groups map to no role signs in and has no role anywhere
    await page.context().clearCookies();
    await page.goto('/login');
    await expect(page.locator('html[data-hydrated="true"]')).toHaveCount(1);
    await page.getByTestId('oidc-sign-in').click();
    await expect(page).toHaveURL(/\/interaction\//);
    await page.locator('input[name=login]').fill('sso-mallory');
    await page.locator('input[name=password]').fill('any-password');
    await page.locator('button[type=submit]').click();
    await expect(page).toHaveURL(`${baseURL}/`);
    expect((await (await page.request.get('/api/session')).json()).bindings).toEqual([]);
    await open(page, `/clusters/${c}/topics`);
    await expect(page.getByTestId('refused')).toContainText(`cluster:read needs the viewer role on cluster ${cluster}; you have no role on cluster ${cluster}`);
  });

  test('a viewer sees the reset button disabled with the reason, and the server answers 403 to every change', async ({ page, baseURL }) => {
    const user = unique('viewer');
    const password = await createUser(admin, user, 'viewer');
    await page.goto(`/clusters/${c}/groups/lab_cg_cluster`);
    await signInThroughForm(page, user, password);
    await expect(page).toHaveURL(`${baseURL}/clusters/${c}/groups/lab_cg_cluster`);
    const reset = page.getByTestId('reset-button');
    await expect(reset).toHaveAttribute('aria-disabled', 'true');
    const reason = `offset:reset needs the operator role on cluster ${cluster}; you are viewer on cluster ${cluster}`;
    // hovered again until the reason shows: the header's buttons settle once the session's roles are read, which
    // can move the button from under a pointer placed before that
    await expect(async () => {
      await reset.hover();
      await expect(page.getByRole('tooltip')).toHaveText(reason, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await reset.focus();
    await expect(reset).toHaveAccessibleDescription(reason);
    // aria-disabled (not disabled, so the reason can show): a click still opens nothing
    await reset.click({ force: true });
    await expect(page.getByRole('dialog')).toHaveCount(0);

    const headers = { origin: baseURL! };
    const preview = await page.request.post(`/api/clusters/${c}/groups/lab_cg_cluster/reset/preview`, { headers, data: { topic: 'LabTopic', mode: 'earliest' } });
    expect(preview.status()).toBe(403);
    expect((await preview.json()).error).toMatchObject({ code: 'forbidden', message: reason, details: { permission: 'offset:reset' } });

    // every mutating cluster route of the build, asked by this viewer: 403 before any broker is called
    const routes = mutatingClusterRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const { method, url } of routes) {
      const response = await page.request.fetch(url.replace('[cluster]', c), { method, headers, data: {} });
      expect(response.status(), `${method} ${url}`).toBe(403);
      expect((await response.json()).error.code, `${method} ${url}`).toBe('forbidden');
    }
  });

  test('an operator may reset but not change topics: Create topic stays visible, disabled with the reason, and the API answers 403', async ({ page, baseURL }) => {
    const user = unique('operator');
    const password = await createUser(admin, user, 'operator');
    await page.goto(`/clusters/${c}/topics`);
    await signInThroughForm(page, user, password);
    await expect(page).toHaveURL(`${baseURL}/clusters/${c}/topics`);
    const create = page.getByTestId('create-topic');
    const reason = `cluster:change needs the admin role on cluster ${cluster}; you are operator on cluster ${cluster}`;
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    await create.focus();
    await expect(create).toHaveAccessibleDescription(reason);
    const preview = await page.request.post(`/api/clusters/${c}/changes/preview`, { headers: { origin: baseURL! }, data: { action: 'topic.upsert', request: { topic: 'NeverMade', clusterName: 'DefaultCluster', readQueueNums: 1, writeQueueNums: 1 } } });
    expect(preview.status()).toBe(403);
    expect((await preview.json()).error).toMatchObject({ code: 'forbidden', message: reason });
  });

  test('a session revoked on /admin/sessions is refused on its next request', async ({ page, browser, baseURL }) => {
    const user = unique('revoked');
    const password = await createUser(admin, user, 'viewer');
    const victim = await browser.newContext();
    const their = await victim.newPage();
    await their.goto('/login');
    await signInThroughForm(their, user, password);
    await expect(their).toHaveURL(`${baseURL}/`);
    expect((await their.request.get('/api/session')).status()).toBe(200);

    await page.goto('/admin/sessions');
    await signInThroughForm(page, 'admin', adminPassword);
    await expect(page).toHaveURL(`${baseURL}/admin/sessions`);
    const row = page.locator(`[data-testid=session-row][data-user="${user}"]`);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('browser');
    await row.getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toHaveCount(0);

    const after = await their.request.get('/api/session');
    expect(after.status()).toBe(401);
    expect((await after.json()).error.code).toBe('unauthenticated');
    await their.goto(`/clusters/${c}/topics`);
    await expect(their).toHaveURL(/\/login\?next=/);
    await victim.close();
  });

  test('audit rows name the user who reset, with channel ui for a session and api for a token', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const user = unique('oper');
    const password = await createUser(admin, user, 'operator');
    // named to sort after the sandbox's lab_ groups: groups.spec expects lab_cg_broadcast first by name
    const group = `x_e2e_auth_${Date.now().toString(36)}`;
    const rocket = sandboxAdmin();
    try {
      await offlineGroupWithOffsets(rocket, group);
    } finally {
      rocket.close();
    }
    const operator = await signedInApi(baseURL!, user, password);
    // to the latest offsets: the group is left with no lag, so it does not top other specs' lists sorted by lag
    const resetOnce = async (api: APIRequestContext, extra: Record<string, string> = {}) => {
      const preview = await api.post(`/api/clusters/${c}/groups/${group}/reset/preview`, { headers: extra, data: { topic: 'LabTopic', mode: 'latest' } });
      expect(preview.status(), await preview.text()).toBe(200);
      const { previewId } = await preview.json();
      const applied = await api.post(`/api/clusters/${c}/groups/${group}/reset`, { headers: extra, data: { previewId, confirm: group } });
      expect(applied.status(), await applied.text()).toBe(200);
    };
    await resetOnce(operator);
    let audit = await (await operator.get(`/api/clusters/${c}/audit?group=${group}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ actor: user, channel: 'ui', action: 'reset-offset', group });

    // a token of the same user: no cookie, no Origin, the Authorization header only
    const made = await operator.post('/api/auth/tokens', { data: { name: 'e2e-script' } });
    expect(made.status()).toBe(200);
    const { token } = await made.json();
    const script = await apiRequest.newContext({ baseURL: baseURL! });
    await resetOnce(script, { authorization: `Bearer ${token}` });
    audit = await (await operator.get(`/api/clusters/${c}/audit?group=${group}`)).json();
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0]).toMatchObject({ actor: user, channel: 'api' });
    expect(audit.items[1]).toMatchObject({ actor: user, channel: 'ui' });
    await script.dispose();
    await operator.dispose();
  });
});

/** The mutating handlers under /api/clusters/[cluster]/ from the route files, with every other segment filled in. */
function mutatingClusterRoutes(): Array<{ method: string; url: string }> {
  const root = path.resolve(import.meta.dirname, '../app/api/clusters/[cluster]');
  const fill: Record<string, string> = { '[group]': 'lab_cg_cluster', '[topic]': 'LabTopic', '[msgId]': '0A0000000000000000000000', '[auditId]': '1', '[addr]': '127.0.0.1:10911' };
  const out: Array<{ method: string; url: string }> = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'route.ts') {
        const source = readFileSync(p, 'utf8');
        const rel = path.relative(root, path.dirname(p)).split(path.sep).map((s) => fill[s] ?? s).join('/');
        for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
          if (!new RegExp(`export const ${method}\\b`).test(source)) continue;
          const url = `/api/clusters/[cluster]/${rel}`;
          const permission = new RegExp(`export const ${method} = route\\(\\{[^}]*permission: '([^']+)'`).exec(source)?.[1];
          // the caller's own records (favourites, recent searches) change nothing on a cluster: a viewer may
          if (permission === 'cluster:read') {
            expect(url, `${method} ${url} needs only cluster:read: only personal records may`).toMatch(/\/(favourites|recent-searches)(\/|$)/);
            continue;
          }
          out.push({ method, url });
        }
      }
    }
  };
  walk(root);
  return out;
}
