import { existsSync } from 'node:fs';
import type { ConsoleSettings } from '../core/config';
import { ConflictError, NotFoundError } from '../core/errors';
import type { Logger } from '../core/log';
import { isRole, roleRank, type RoleBinding } from '../core/roles';
import type { SessionRecord, Store, UserRecord } from '../store';
import { bindingsFromClaims, displayNameFromClaims, usernameFromClaims } from './claims';
import { BadCredentialsError, ForbiddenError, OidcError, RateLimitedError } from './errors';
import { ensureInitialAdmin, removeOneTimePasswordFile, type InitialAdminResult } from './initial-admin';
import { OidcClient, type OidcFlow } from './oidc';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { refusal, type Principal } from './principal';
import { LoginRateLimiter } from './rate-limit';
import { hashSecret, newApiToken, newPublicId, newSessionSecret } from './secrets';
import type { TokenCreateInput } from './schema';
import { UserAdmin } from './users';
import { sessionView, userView, type SessionView, type UserView } from './views';

/** A browser session's last use is written at most this often (sliding expiry without a write per request). */
export const TOUCH_EVERY_MS = 60_000;
/** Ended sessions and tokens (revoked or expired) stay this long in the store before they are deleted. */
export const KEEP_ENDED_MS = 7 * 86_400_000;
/** How long an OIDC sign-in may take between the redirect to the provider and its callback. */
export const OIDC_FLOW_TTL_MS = 10 * 60_000;

export interface Credentials {
  /** The session cookie's value. */
  session?: string;
  /** The token of an "Authorization: Bearer" header. */
  bearer?: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

export interface NewSession {
  /** The cookie value: given to the browser once, stored only as its hash. */
  secret: string;
  principal: Principal;
  maxAgeMs: number;
}

export interface AuthDeps {
  settings: ConsoleSettings;
  store: () => Promise<Store>;
  log: Logger;
  now?: () => number;
}

/**
 * Sign-in and who is asking: local users (scrypt passwords), OIDC single sign-on with claim → role mapping,
 * browser sessions and API tokens as server-side rows keyed by the hash of their secret, sliding expiry,
 * revocation, the login rate limit and the first admin. The HTTP side (cookies, Origin, status codes) is in
 * app/api; this class decides.
 */
export class Auth {
  readonly limiter: LoginRateLimiter;
  readonly oidc: OidcClient | undefined;
  readonly users: UserAdmin;
  private readonly now: () => number;
  private initial: Promise<InitialAdminResult> | undefined;

  constructor(private readonly deps: AuthDeps) {
    const auth = deps.settings.auth;
    this.now = deps.now ?? Date.now;
    this.limiter = new LoginRateLimiter(auth.loginMaxFailures, auth.loginWindowMs);
    this.oidc = auth.oidc ? new OidcClient(auth.oidc, deps.log) : undefined;
    this.users = new UserAdmin({ ...deps, now: this.now, authStore: () => this.store() });
  }

  get enabled(): boolean {
    return this.deps.settings.auth.enabled;
  }

  /** Makes the first admin when there is no user yet (once per process; retried after a failure). */
  ensureInitialAdmin(): Promise<InitialAdminResult> {
    this.initial ??= this.store()
      .then((store) => ensureInitialAdmin(store, this.deps.settings.auth, this.deps.log, this.now()))
      .catch((error: unknown) => {
        this.initial = undefined;
        throw error;
      });
    return this.initial;
  }

  /** The principal of a request, or undefined when its credentials are missing, unknown, expired or revoked. */
  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    if (credentials.bearer) return this.fromToken(credentials.bearer);
    if (credentials.session) return this.fromSession(credentials.session);
    return undefined;
  }

  async login(input: { username: string; password: string } & ClientInfo): Promise<NewSession> {
    this.requireEnabled();
    await this.ensureInitialAdmin();
    const now = this.now();
    const wait = this.limiter.retryAfterMs(input.username, input.ip, now);
    if (wait > 0) throw new RateLimitedError(wait);
    const store = await this.store();
    const user = await store.userByName(input.username);
    const ok = user?.passwordHash && !user.disabled ? await verifyPassword(input.password, user.passwordHash) : await burnPasswordCheck(input.password);
    if (!ok || !user) {
      this.limiter.fail(input.username, input.ip, now);
      this.deps.log.info({ username: input.username, ip: input.ip }, 'sign-in refused: bad credentials');
      throw new BadCredentialsError();
    }
    this.limiter.succeed(input.username, input.ip);
    this.deps.log.info({ username: user.username, ip: input.ip }, 'signed in with a password');
    return this.openSession(user, 'password', null, input);
  }

  async logout(principal: Principal): Promise<void> {
    if (principal.kind === 'session' && principal.sessionId) await (await this.store()).revokeSession(principal.sessionId, this.now());
  }

  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    const user = await this.sessionUser(principal, 'change a password');
    if (user.source !== 'local' || !user.passwordHash) throw new ConflictError(`${user.username} signs in through single sign-on: the password is changed at the provider`, undefined, 'not_local_user');
    if (!(await verifyPassword(current, user.passwordHash))) throw new BadCredentialsError();
    if (current === next) throw new ConflictError('the new password must differ from the current one', 'next', 'same_password');
    const store = await this.store();
    await store.updateUser(user.id, { passwordHash: await hashPassword(next), mustChangePassword: false, updatedAt: this.now() });
    // other browsers signed in with the old password are signed out; this one stays
    for (const s of await store.listSessions({ userId: user.id, kind: 'session', activeAt: this.now() })) {
      if (s.id !== principal.sessionId) await store.revokeSession(s.id, this.now());
    }
    removeOneTimePasswordFile(this.deps.settings.auth, user.username);
    this.deps.log.info({ username: user.username }, 'password changed');
  }

  /** The principal's user as the account page shows it (undefined under AUTH=off or for a deleted user). */
  async account(principal: Principal): Promise<UserView | undefined> {
    if (!this.enabled || principal.kind === 'local') return undefined;
    const user = await (await this.store()).userByName(principal.user);
    return user ? userView(user) : undefined;
  }

  /**
   * For the sign-in page at the first start: where the first admin's one-time password is, while it is still the
   * password (makes the first admin first, when the server's start did not).
   */
  /** The first start's admin and where its one-time password is, while that password is still the one to use. */
  async firstSignInHint(): Promise<{ username: string; passwordFile: string } | undefined> {
    const { username, passwordFile } = this.deps.settings.auth.initialAdmin;
    await this.ensureInitialAdmin();
    const admin = await (await this.store()).userByName(username);
    if (!admin?.mustChangePassword || !existsSync(passwordFile)) return undefined;
    return { username, passwordFile };
  }

  // ---- OIDC ----

  async oidcStart(redirectUri: string, next: string): Promise<{ url: string; flowSecret: string }> {
    this.requireEnabled();
    const oidc = this.requireOidc();
    const { url, flow } = await oidc.begin(redirectUri, next);
    const flowSecret = newSessionSecret();
    await (await this.store()).putOidcFlow(hashSecret(flowSecret), flow, this.now() + OIDC_FLOW_TTL_MS);
    return { url, flowSecret };
  }

  /** The provider's redirect back: exchanges the code, maps the claims to roles, upserts the user, opens a session. */
  async oidcFinish(callbackUrl: URL, flowSecret: string | undefined, client: ClientInfo): Promise<NewSession & { next: string }> {
    this.requireEnabled();
    const oidc = this.requireOidc();
    const store = await this.store();
    const flow = flowSecret ? ((await store.takeOidcFlow(hashSecret(flowSecret), this.now())) as OidcFlow | undefined) : undefined;
    if (!flow) throw new OidcError('this sign-in expired or was already used (it must finish within 10 minutes, in the browser that started it): start again');
    const claims = await oidc.finish(callbackUrl, flow);
    const settings = oidc.settings;
    const bindings = bindingsFromClaims(claims, settings);
    const user = await this.upsertOidcUser(claims, bindings);
    this.deps.log.info({ username: user.username, roles: bindings }, 'signed in through OIDC');
    return { ...(await this.openSession(user, 'oidc', bindings, client)), next: flow.next };
  }

  private async upsertOidcUser(claims: Record<string, unknown>, bindings: RoleBinding[]): Promise<UserRecord> {
    const settings = this.requireOidc().settings;
    const store = await this.store();
    const subject = String(claims.sub);
    const username = usernameFromClaims(claims, settings.usernameClaim);
    const displayName = displayNameFromClaims(claims, username);
    const now = this.now();
    const known = await store.userByOidc(settings.issuer, subject);
    if (known) {
      if (known.disabled) throw new OidcError(`${known.username} is disabled in the console: ask an admin`);
      const renamed = known.username !== username && !(await store.userByName(username));
      await store.updateUser(known.id, { bindings, displayName, ...(renamed ? { username } : {}), updatedAt: now });
      return { ...known, bindings, displayName, username: renamed ? username : known.username };
    }
    const id = await store.insertUser({ username, displayName, passwordHash: null, source: 'oidc', oidcIssuer: settings.issuer, oidcSubject: subject, bindings, disabled: false, mustChangePassword: false, createdAt: now, updatedAt: now });
    if (id === undefined) throw new OidcError(`the username ${username} (claim ${settings.usernameClaim}) already belongs to another console user: an admin must rename or delete that user first`);
    return (await store.userById(id))!;
  }

  // ---- sessions and tokens ----

  /** The principal's own live sessions and tokens. */
  async ownSessions(principal: Principal): Promise<SessionView[]> {
    const user = await this.principalUser(principal);
    const rows = await (await this.store()).listSessions({ userId: user.id, activeAt: this.now() });
    return rows.map((s) => sessionView(s, principal.sessionId));
  }

  /** Every live session and token (console:admin). */
  async allSessions(principal: Principal): Promise<SessionView[]> {
    const rows = await (await this.store()).listSessions({ activeAt: this.now() });
    return rows.map((s) => sessionView(s, principal.sessionId));
  }

  /** Revokes a session or token: one's own, or anyone's for console:admin. */
  async revoke(principal: Principal, id: string, kind?: SessionRecord['kind']): Promise<void> {
    const store = await this.store();
    const target = await store.sessionById(id);
    if (!target || (kind && target.kind !== kind)) throw new NotFoundError(`no ${kind ?? 'session or token'} has the id ${id}`, 'id');
    const user = await this.principalUser(principal);
    if (target.userId !== user.id && refusal(principal, 'console:admin') !== undefined) throw new ForbiddenError(`${id} is another user's ${target.kind}: revoking it needs console:admin`);
    await store.revokeSession(id, this.now());
    this.deps.log.info({ id, kind: target.kind, by: principal.user }, 'session revoked');
  }

  async createToken(principal: Principal, input: TokenCreateInput): Promise<{ token: string; view: SessionView }> {
    const user = await this.sessionUser(principal, 'create an API token');
    // a token carries no "must change password": minting one must not be a way around choosing a password
    if (principal.mustChangePassword) throw new ForbiddenError('choose a new password first (on /account): the one you signed in with was set for you');
    const token = newApiToken();
    const now = this.now();
    const record: SessionRecord = {
      id: newPublicId(),
      tokenHash: hashSecret(token),
      kind: 'token',
      userId: user.id,
      method: 'token',
      name: input.name,
      roleCap: input.role ?? null,
      bindings: null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: input.expiresInDays ? now + input.expiresInDays * 86_400_000 : null,
      ip: null,
      userAgent: null,
      revokedAt: null,
    };
    await (await this.store()).insertSession(record);
    this.deps.log.info({ username: user.username, token: record.id, name: input.name, role: input.role ?? 'own' }, 'API token created');
    return { token, view: sessionView({ ...record, username: user.username }) };
  }

  // ---- internals ----

  private async fromSession(secret: string): Promise<Principal | undefined> {
    const found = await (await this.store()).sessionByTokenHash(hashSecret(secret));
    if (!found || found.session.kind !== 'session' || !this.live(found.session, found.user)) return undefined;
    const { session, user } = found;
    const now = this.now();
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await (await this.store()).touchSession(session.id, now, now + this.deps.settings.auth.sessionTtlMs);
    return {
      kind: 'session',
      user: user.username,
      displayName: user.displayName,
      bindings: session.bindings ?? user.bindings,
      sessionId: session.id,
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    };
  }

  private async fromToken(token: string): Promise<Principal | undefined> {
    const found = await (await this.store()).sessionByTokenHash(hashSecret(token));
    if (!found || found.session.kind !== 'token' || !this.live(found.session, found.user)) return undefined;
    const { session, user } = found;
    const now = this.now();
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) await (await this.store()).touchSession(session.id, now, session.expiresAt);
    return { kind: 'token', user: user.username, displayName: user.displayName, bindings: capBindings(user.bindings, session.roleCap), tokenId: session.id };
  }

  private live(session: SessionRecord, user: UserRecord): boolean {
    return session.revokedAt === null && (session.expiresAt === null || session.expiresAt > this.now()) && !user.disabled;
  }

  /** Deletes sessions and tokens that ended more than KEEP_ENDED_MS ago (at start and at each sign-in). */
  async purgeEnded(): Promise<number> {
    return (await this.store()).purgeSessions(this.now() - KEEP_ENDED_MS);
  }

  private async openSession(user: UserRecord, method: 'password' | 'oidc', bindings: RoleBinding[] | null, client: ClientInfo): Promise<NewSession> {
    await this.purgeEnded();
    const secret = newSessionSecret();
    const now = this.now();
    const ttl = this.deps.settings.auth.sessionTtlMs;
    const record: SessionRecord = {
      id: newPublicId(),
      tokenHash: hashSecret(secret),
      kind: 'session',
      userId: user.id,
      method,
      name: null,
      roleCap: null,
      bindings,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + ttl,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      revokedAt: null,
    };
    await (await this.store()).insertSession(record);
    const principal: Principal = {
      kind: 'session',
      user: user.username,
      displayName: user.displayName,
      bindings: bindings ?? user.bindings,
      sessionId: record.id,
      ...(user.mustChangePassword ? { mustChangePassword: true } : {}),
    };
    return { secret, principal, maxAgeMs: ttl };
  }

  /** The user row behind a browser session (tokens may not manage credentials: a capped token must not mint an uncapped one). */
  private async sessionUser(principal: Principal, what: string): Promise<UserRecord> {
    if (principal.kind === 'token') throw new ForbiddenError(`an API token may not ${what}: sign in with a browser`);
    return this.principalUser(principal);
  }

  private async principalUser(principal: Principal): Promise<UserRecord> {
    this.requireEnabled();
    const user = await (await this.store()).userByName(principal.user);
    if (!user) throw new ForbiddenError(`${principal.user} is no longer a console user`);
    return user;
  }

  private requireEnabled(): void {
    if (!this.enabled) throw new ConflictError('sign-in is off (AUTH=off): there are no users, sessions or tokens to manage', undefined, 'auth_off');
  }

  private requireOidc(): OidcClient {
    if (!this.oidc) throw new ConflictError('single sign-on is not configured (OIDC_ISSUER and OIDC_CLIENT_ID, or auth.oidc in the clusters file)', undefined, 'oidc_off');
    return this.oidc;
  }

  private async store() {
    return (await this.deps.store()).auth;
  }
}

/** A token's roles: its user's, each lowered to the cap when it is higher. */
export function capBindings(bindings: readonly RoleBinding[], cap: string | null): RoleBinding[] {
  if (cap === null) return [...bindings];
  // a cap that is not a role (a row written by hand) grants nothing rather than everything
  if (!isRole(cap)) return [];
  const limit = cap;
  return bindings.map((b) => (roleRank(b.role) > roleRank(limit) ? { ...b, role: limit } : b));
}
