import { describe, expect, it } from 'vitest';
import type { SessionRecord, Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// Users, sessions and tokens on every dialect: auth-store.test.ts (SQLite file), auth-store.pg.test.ts (PostgreSQL).
export function describeAuthStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`auth store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);
    const user = (username: string, at = 1_000) => ({
      username, displayName: username.toUpperCase(), passwordHash: 'scrypt$1$1$1$x$y', source: 'local' as const, oidcIssuer: null, oidcSubject: null,
      bindings: [{ cluster: '*', role: 'viewer' as const }], disabled: false, mustChangePassword: true, createdAt: at, updatedAt: at,
    });
    const session = (id: string, userId: number, over: Partial<SessionRecord> = {}): SessionRecord => ({
      id, tokenHash: `hash-${id}`, kind: 'session', userId, method: 'password', name: null, roleCap: null, bindings: null,
      createdAt: 1_000, lastSeenAt: 1_000, expiresAt: 10_000, ip: '127.0.0.1', userAgent: 'test', revokedAt: null, ...over,
    });

    it('stores users with their bindings and flags, refuses a second user of the same name, and renames', async () => {
      const store = await (await fresh()).open();
      expect(await store.auth.countUsers()).toBe(0);
      const id = await store.auth.insertUser(user('alice'));
      expect(id).toBeTypeOf('number');
      expect(await store.auth.insertUser(user('alice'))).toBeUndefined();
      expect(await store.auth.userByName('alice')).toMatchObject({ id, username: 'alice', displayName: 'ALICE', bindings: [{ cluster: '*', role: 'viewer' }], disabled: false, mustChangePassword: true, source: 'local' });
      expect(await store.auth.updateUser(id!, { disabled: true, mustChangePassword: false, bindings: [{ cluster: 'c1', role: 'operator' }], updatedAt: 2_000 })).toBe(true);
      expect(await store.auth.userById(id!)).toMatchObject({ disabled: true, mustChangePassword: false, bindings: [{ cluster: 'c1', role: 'operator' }], updatedAt: 2_000 });
      await store.auth.insertUser(user('bob'));
      expect(await store.auth.updateUser(id!, { username: 'bob', updatedAt: 3_000 })).toBe(false);
      expect(await store.auth.updateUser(id!, { username: 'alice2', updatedAt: 3_000 })).toBe(true);
      expect((await store.auth.listUsers()).map((u) => u.username)).toEqual(['alice2', 'bob']);
      expect(await store.auth.countUsers()).toBe(2);
    });

    it('finds OIDC users by issuer and subject', async () => {
      const store = await (await fresh()).open();
      await store.auth.insertUser({ ...user('carol'), source: 'oidc', passwordHash: null, oidcIssuer: 'https://idp', oidcSubject: 'sub-1' });
      expect((await store.auth.userByOidc('https://idp', 'sub-1'))?.username).toBe('carol');
      expect(await store.auth.userByOidc('https://other', 'sub-1')).toBeUndefined();
    });

    it('keeps sessions by the hash of their secret, touches, revokes once, and lists only live ones when asked', async () => {
      const store = await (await fresh()).open();
      const alice = (await store.auth.insertUser(user('alice')))!;
      const bob = (await store.auth.insertUser(user('bob')))!;
      await store.auth.insertSession(session('s1', alice, { bindings: [{ cluster: 'c', role: 'operator' }] }));
      await store.auth.insertSession(session('t1', alice, { kind: 'token', method: 'token', name: 'ci', roleCap: 'viewer', expiresAt: null }));
      await store.auth.insertSession(session('s2', bob, { expiresAt: 5_000 }));
      const found = await store.auth.sessionByTokenHash('hash-s1');
      expect(found?.session).toMatchObject({ id: 's1', kind: 'session', bindings: [{ cluster: 'c', role: 'operator' }], expiresAt: 10_000 });
      expect(found?.user.username).toBe('alice');
      expect(await store.auth.sessionByTokenHash('nope')).toBeUndefined();
      await store.auth.touchSession('s1', 4_000, 14_000);
      expect(await store.auth.sessionById('s1')).toMatchObject({ lastSeenAt: 4_000, expiresAt: 14_000 });
      expect((await store.auth.listSessions({ activeAt: 6_000 })).map((s) => s.id).sort()).toEqual(['s1', 't1']);
      expect(await store.auth.revokeSession('s1', 7_000)).toBe(true);
      expect(await store.auth.revokeSession('s1', 8_000)).toBe(false);
      expect((await store.auth.sessionById('s1'))?.revokedAt).toBe(7_000);
      // a revoked session is no longer touched (its expiry stays)
      await store.auth.touchSession('s1', 9_000, 19_000);
      expect((await store.auth.sessionById('s1'))?.lastSeenAt).toBe(4_000);
      const live = await store.auth.listSessions({ userId: alice, activeAt: 7_500 });
      expect(live.map((s) => [s.id, s.username, s.kind])).toEqual([['t1', 'alice', 'token']]);
      expect((await store.auth.listSessions({ userId: alice })).length).toBe(2);
    });

    it('revokes all of a user’s browser sessions, keeps their tokens when asked, and deletes everything with the user', async () => {
      const store = await (await fresh()).open();
      const alice = (await store.auth.insertUser(user('alice')))!;
      await store.auth.insertSession(session('s1', alice));
      await store.auth.insertSession(session('s2', alice));
      await store.auth.insertSession(session('t1', alice, { kind: 'token', method: 'token' }));
      expect(await store.auth.revokeUserSessions(alice, 2_000, 'session')).toBe(2);
      expect((await store.auth.listSessions({ userId: alice, activeAt: 2_500 })).map((s) => s.id)).toEqual(['t1']);
      expect(await store.auth.deleteUser(alice)).toBe(true);
      expect(await store.auth.sessionById('t1')).toBeUndefined();
      expect(await store.auth.userByName('alice')).toBeUndefined();
      expect(await store.auth.deleteUser(alice)).toBe(false);
    });

    it('purges sessions that ended before a time', async () => {
      const store = await (await fresh()).open();
      const alice = (await store.auth.insertUser(user('alice')))!;
      await store.auth.insertSession(session('old', alice, { expiresAt: 2_000 }));
      await store.auth.insertSession(session('revoked', alice, { revokedAt: 1_500 }));
      await store.auth.insertSession(session('live', alice, { expiresAt: 50_000 }));
      await store.auth.insertSession(session('forever', alice, { kind: 'token', expiresAt: null }));
      expect(await store.auth.purgeSessions(3_000)).toBe(2);
      expect((await store.auth.listSessions({ userId: alice })).map((s) => s.id).sort()).toEqual(['forever', 'live']);
    });

    it('hands an OIDC flow out once, and never after it expired', async () => {
      const store = await (await fresh()).open();
      await store.auth.putOidcFlow('f1', { state: 's', next: '/x' }, 10_000);
      await store.auth.putOidcFlow('f2', { state: 't' }, 2_000);
      expect(await store.auth.takeOidcFlow('f1', 5_000)).toEqual({ state: 's', next: '/x' });
      expect(await store.auth.takeOidcFlow('f1', 5_000)).toBeUndefined();
      expect(await store.auth.takeOidcFlow('f2', 5_000)).toBeUndefined();
    });
  });
}
