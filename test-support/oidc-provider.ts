/**
 * A real OpenID Connect provider on loopback (the `oidc-provider` package, the certified Node.js implementation),
 * for the sign-in tests: vitest and Playwright alike (no test-runner import here). It signs anyone in through its
 * own development login page (any username, any password; the username is the account id), releases `groups`
 * (and the profile claims) for the account from `accounts`, and skips the consent screen for its one client,
 * as a company IdP does for a first-party app.
 */
import type { Server } from 'node:http';
import Provider, { type Configuration } from 'oidc-provider';

export interface OidcAccount {
  name?: string;
  email?: string;
  /** What the role claim holds (a list, as Keycloak and Okta send groups). */
  groups?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Sets (or replaces) an account's claims; unknown accounts sign in with no groups. */
  setAccount(id: string, account: OidcAccount): void;
  close(): Promise<void>;
}

export interface TestOidcProviderOptions {
  port: number;
  /** The console's callback URLs (http://127.0.0.1:<port>/api/auth/oidc/callback). */
  redirectUris: string[];
  accounts?: Record<string, OidcAccount>;
  clientId?: string;
  clientSecret?: string;
}

export async function startOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const clientId = options.clientId ?? 'rocketmq-console';
  const clientSecret = options.clientSecret ?? 'console-test-secret-0123456789';
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
    scopes: ['openid', 'profile', 'email', 'groups'],
    pkce: { required: () => true },
    cookies: { keys: ['oidc-provider-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, id) {
      const account = accounts.get(id) ?? {};
      return {
        accountId: id,
        claims: async () => ({ sub: id, preferred_username: id, name: account.name ?? id, email: account.email ?? `${id}@example.test`, groups: account.groups ?? [] }),
      };
    },
    // consent is granted on the spot for every scope and claim the console asks for
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    renderError(ctx, out) {
      ctx.type = 'json';
      ctx.body = out;
    },
  };
  const provider = new Provider(issuer, configuration);
  const server: Server = await new Promise((resolve, reject) => {
    const s = provider.listen(options.port, '127.0.0.1', () => resolve(s)) as Server;
    s.once('error', reject);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (id, account) => void accounts.set(id, account),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Signs `login` in at the provider the way a browser would, without one: follows the authorization URL's redirects
 * with a cookie jar, submits the provider's login form, and returns the URL the provider finally redirects to (the
 * console's callback with code, state and iss) without following it.
 */
export async function signInAtProvider(authorizationUrl: string, login: string, callbackPrefix: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string> | undefined), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url);
      if (next.href.startsWith(callbackPrefix)) return next;
      url = next.href;
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"[^>]*method="post"/i.exec(html)?.[1];
    if (!response.ok || !action || !html.includes('name="login"')) throw new Error(`the provider answered ${response.status} at ${url} without its login form: ${html.slice(0, 300)}`);
    url = new URL(action.replace(/&amp;/g, '&'), url).href;
    init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ prompt: 'login', login, password: 'any-password' }).toString() };
  }
  throw new Error(`the provider did not redirect to ${callbackPrefix} within 10 hops (last at ${url})`);
}
