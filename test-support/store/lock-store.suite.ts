import { describe, expect, it } from 'vitest';
import type { Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// Change locks on every dialect: lock-store.test.ts (SQLite file), lock-store.pg.test.ts (PostgreSQL).
export function describeLockStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`change locks on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);
    const key = { cluster: 'c1', target: 'topic:T' };

    it('gives a target to one holder; a second is told who holds it, since when and its audit entry', async () => {
      const store = await (await fresh()).open();
      expect(await store.locks.acquire(key, 'h1', 1_000, 60_000)).toEqual({ acquired: true });
      await store.locks.noteAudit(key, 'h1', 42);
      expect(await store.locks.acquire(key, 'h2', 2_000, 60_000)).toEqual({ acquired: false, held: { holder: 'h1', since: 1_000, expiresAt: 61_000, auditId: 42 } });
      // another cluster, or another target, is free
      expect(await store.locks.acquire({ cluster: 'c2', target: 'topic:T' }, 'h2', 2_000, 60_000)).toEqual({ acquired: true });
      expect(await store.locks.acquire({ cluster: 'c1', target: 'group:T' }, 'h3', 2_000, 60_000)).toEqual({ acquired: true });
      expect(await store.locks.runningAuditIds('c1', 2_000)).toEqual(new Set([42]));
      await store.locks.release(key, 'h1');
      expect(await store.locks.acquire(key, 'h2', 3_000, 60_000)).toEqual({ acquired: true });
      expect(await store.locks.runningAuditIds('c1', 3_000)).toEqual(new Set());
    });

    it('lets the next taker replace a lock whose holder stopped renewing it; the old holder can no longer renew or release it', async () => {
      const store = await (await fresh()).open();
      await store.locks.acquire(key, 'dead', 1_000, 10_000);
      expect(await store.locks.renew(key, 'dead', 20_000)).toBe(true);
      expect((await store.locks.acquire(key, 'next', 15_000, 10_000)).acquired).toBe(false);
      expect(await store.locks.acquire(key, 'next', 20_001, 10_000)).toEqual({ acquired: true });
      expect(await store.locks.renew(key, 'dead', 40_000)).toBe(false);
      await store.locks.release(key, 'dead');
      expect((await store.locks.acquire(key, 'third', 20_002, 10_000)).acquired).toBe(false);
    });

    it('opens two stores on one fresh database at once, and gives exactly one of them the lock when they race for it', async () => {
      const db = await fresh();
      // both opened at once on the fresh database: both migrate it, as two console processes starting together do
      const [a, b] = await Promise.all([db.open(), db.open()]);
      for (let round = 0; round < 20; round++) {
        const target = { cluster: 'c1', target: `topic:race${round}` };
        const results = await Promise.all([a.locks.acquire(target, `a${round}`, 1_000, 60_000), b.locks.acquire(target, `b${round}`, 1_000, 60_000)]);
        expect(results.filter((r) => r.acquired)).toHaveLength(1);
      }
    });
  });
}
