import type { Kysely, Selectable } from 'kysely';
import type { RoleBinding } from '../core/roles';
import type { AuthSessionTable, ConsoleUserTable, StoreDatabase } from './schema';

// Users, sessions, tokens and OIDC flows as rows: no policy here (who may do what, expiry rules and hashing live in
// lib/console/auth); this module only reads and writes.

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string | null;
  source: 'local' | 'oidc';
  oidcIssuer: string | null;
  oidcSubject: string | null;
  bindings: RoleBinding[];
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: number;
  updatedAt: number;
}

export type NewUser = Omit<UserRecord, 'id'>;
export type UserPatch = Partial<Pick<UserRecord, 'displayName' | 'passwordHash' | 'bindings' | 'disabled' | 'mustChangePassword' | 'username'>> & { updatedAt: number };

export interface SessionRecord {
  id: string;
  tokenHash: string;
  kind: 'session' | 'token';
  userId: number;
  method: 'password' | 'oidc' | 'token';
  name: string | null;
  roleCap: string | null;
  /** An OIDC session's bindings from its claims; null: the user's own. */
  bindings: RoleBinding[] | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number | null;
  ip: string | null;
  userAgent: string | null;
  revokedAt: number | null;
}

/** A session or token with its user's name, for the sessions pages. */
export interface SessionListing extends SessionRecord {
  username: string;
}

export interface SessionFilter {
  userId?: number;
  kind?: SessionRecord['kind'];
  /** Only those neither revoked nor expired at this instant. */
  activeAt?: number;
}

export interface AuthStore {
  countUsers(): Promise<number>;
  /** The new user's id, or undefined when the username is taken. */
  insertUser(user: NewUser): Promise<number | undefined>;
  userByName(username: string): Promise<UserRecord | undefined>;
  userById(id: number): Promise<UserRecord | undefined>;
  userByOidc(issuer: string, subject: string): Promise<UserRecord | undefined>;
  listUsers(): Promise<UserRecord[]>;
  /** false when no such user (or the new username is taken). */
  updateUser(id: number, patch: UserPatch): Promise<boolean>;
  /** Deletes the user and every session and token of theirs. */
  deleteUser(id: number): Promise<boolean>;

  insertSession(session: SessionRecord): Promise<void>;
  /** The session or token whose secret hashes to `tokenHash`, with its user; revoked and expired ones included. */
  sessionByTokenHash(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined>;
  sessionById(id: string): Promise<SessionRecord | undefined>;
  /** Sliding expiry: records the use and moves the expiry. */
  touchSession(id: string, lastSeenAt: number, expiresAt: number | null): Promise<void>;
  /** Marks revoked (kept for the record); false when it was already revoked or does not exist. */
  revokeSession(id: string, at: number): Promise<boolean>;
  /** Revokes every live session (and token, unless kind says otherwise) of a user; returns how many. */
  revokeUserSessions(userId: number, at: number, kind?: SessionRecord['kind']): Promise<number>;
  listSessions(filter: SessionFilter): Promise<SessionListing[]>;
  /** Deletes rows that ended (revoked or expired) before `before`; returns how many. */
  purgeSessions(before: number): Promise<number>;

  putOidcFlow(idHash: string, data: unknown, expiresAt: number): Promise<void>;
  /** The flow's data, deleting it (a flow is used once); undefined when unknown or expired. */
  takeOidcFlow(idHash: string, now: number): Promise<unknown>;
}

type UserRow = Selectable<ConsoleUserTable>;
type SessionRow = Selectable<AuthSessionTable>;

function userFromRow(r: UserRow): UserRecord {
  return {
    id: Number(r.id),
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    source: r.source === 'oidc' ? 'oidc' : 'local',
    oidcIssuer: r.oidc_issuer,
    oidcSubject: r.oidc_subject,
    bindings: JSON.parse(r.bindings) as RoleBinding[],
    disabled: Number(r.disabled) !== 0,
    mustChangePassword: Number(r.must_change_password) !== 0,
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
}

function sessionFromRow(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    tokenHash: r.token_hash,
    kind: r.kind === 'token' ? 'token' : 'session',
    userId: Number(r.user_id),
    method: r.method === 'oidc' ? 'oidc' : r.method === 'token' ? 'token' : 'password',
    name: r.name,
    roleCap: r.role_cap,
    bindings: r.bindings === null ? null : (JSON.parse(r.bindings) as RoleBinding[]),
    createdAt: Number(r.created_at),
    lastSeenAt: Number(r.last_seen_at),
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    ip: r.ip,
    userAgent: r.user_agent,
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

const flag = (b: boolean) => (b ? 1 : 0);

export function createAuthStore(db: Kysely<StoreDatabase>): AuthStore {
  return {
    async countUsers() {
      const row = await db.selectFrom('console_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async insertUser(u) {
      const row = await db
        .insertInto('console_user')
        .values({
          username: u.username,
          display_name: u.displayName,
          password_hash: u.passwordHash,
          source: u.source,
          oidc_issuer: u.oidcIssuer,
          oidc_subject: u.oidcSubject,
          bindings: JSON.stringify(u.bindings),
          disabled: flag(u.disabled),
          must_change_password: flag(u.mustChangePassword),
          created_at: u.createdAt,
          updated_at: u.updatedAt,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row ? Number(row.id) : undefined;
    },
    async userByName(username) {
      const row = await db.selectFrom('console_user').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? userFromRow(row) : undefined;
    },
    async userById(id) {
      const row = await db.selectFrom('console_user').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? userFromRow(row) : undefined;
    },
    async userByOidc(issuer, subject) {
      const row = await db.selectFrom('console_user').selectAll().where('oidc_issuer', '=', issuer).where('oidc_subject', '=', subject).executeTakeFirst();
      return row ? userFromRow(row) : undefined;
    },
    async listUsers() {
      return (await db.selectFrom('console_user').selectAll().orderBy('username').execute()).map(userFromRow);
    },
    async updateUser(id, p) {
      if (p.username !== undefined) {
        const taken = await db.selectFrom('console_user').select('id').where('username', '=', p.username).where('id', '<>', id).executeTakeFirst();
        if (taken) return false;
      }
      const result = await db
        .updateTable('console_user')
        .set({
          updated_at: p.updatedAt,
          ...(p.username !== undefined ? { username: p.username } : {}),
          ...(p.displayName !== undefined ? { display_name: p.displayName } : {}),
          ...(p.passwordHash !== undefined ? { password_hash: p.passwordHash } : {}),
          ...(p.bindings !== undefined ? { bindings: JSON.stringify(p.bindings) } : {}),
          ...(p.disabled !== undefined ? { disabled: flag(p.disabled) } : {}),
          ...(p.mustChangePassword !== undefined ? { must_change_password: flag(p.mustChangePassword) } : {}),
        })
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async deleteUser(id) {
      return db.transaction().execute(async (tx) => {
        await tx.deleteFrom('auth_session').where('user_id', '=', id).execute();
        const result = await tx.deleteFrom('console_user').where('id', '=', id).executeTakeFirst();
        return Number(result.numDeletedRows) > 0;
      });
    },

    async insertSession(s) {
      await db
        .insertInto('auth_session')
        .values({
          id: s.id,
          token_hash: s.tokenHash,
          kind: s.kind,
          user_id: s.userId,
          method: s.method,
          name: s.name,
          role_cap: s.roleCap,
          bindings: s.bindings === null ? null : JSON.stringify(s.bindings),
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
          ip: s.ip,
          user_agent: s.userAgent,
          revoked_at: s.revokedAt,
        })
        .execute();
    },
    async sessionByTokenHash(tokenHash) {
      const session = await db.selectFrom('auth_session').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      if (!session) return undefined;
      const user = await db.selectFrom('console_user').selectAll().where('id', '=', session.user_id).executeTakeFirst();
      return user ? { session: sessionFromRow(session), user: userFromRow(user) } : undefined;
    },
    async sessionById(id) {
      const row = await db.selectFrom('auth_session').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? sessionFromRow(row) : undefined;
    },
    async touchSession(id, lastSeenAt, expiresAt) {
      await db.updateTable('auth_session').set({ last_seen_at: lastSeenAt, expires_at: expiresAt }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    },
    async revokeSession(id, at) {
      const result = await db.updateTable('auth_session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async revokeUserSessions(userId, at, kind) {
      let q = db.updateTable('auth_session').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (kind) q = q.where('kind', '=', kind);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },
    async listSessions(f) {
      let q = db.selectFrom('auth_session as s').innerJoin('console_user as u', 'u.id', 's.user_id').selectAll('s').select('u.username');
      if (f.userId !== undefined) q = q.where('s.user_id', '=', f.userId);
      if (f.kind) q = q.where('s.kind', '=', f.kind);
      if (f.activeAt !== undefined) {
        const at = f.activeAt;
        q = q.where('s.revoked_at', 'is', null).where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', at)]));
      }
      const rows = await q.orderBy('s.last_seen_at', 'desc').orderBy('s.id').execute();
      return rows.map((r) => ({ ...sessionFromRow(r), username: r.username }));
    },
    async purgeSessions(before) {
      const result = await db
        .deleteFrom('auth_session')
        .where((eb) => eb.or([eb('revoked_at', '<', before), eb.and([eb('expires_at', 'is not', null), eb('expires_at', '<', before)])]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async putOidcFlow(idHash, data, expiresAt) {
      await db.insertInto('oidc_flow').values({ id_hash: idHash, data: JSON.stringify(data), expires_at: expiresAt }).execute();
    },
    async takeOidcFlow(idHash, now) {
      // expired flows of anyone go with it: they can never complete
      await db.deleteFrom('oidc_flow').where('expires_at', '<=', now).execute();
      const row = await db.deleteFrom('oidc_flow').where('id_hash', '=', idHash).returning(['data', 'expires_at']).executeTakeFirst();
      return row ? (JSON.parse(row.data) as unknown) : undefined;
    },
  };
}
