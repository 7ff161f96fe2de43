import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema';

/** A change running on one target: who holds it, since when, its audit entry once written. */
export interface LockHolder {
  holder: string;
  since: number;
  expiresAt: number;
  auditId: number | null;
}

export interface LockKey {
  cluster: string;
  /** kind:name, e.g. group:lab_cg */
  target: string;
}

/**
 * One change at a time per target, across every console process on the database. Taking a lock is one INSERT that
 * a second taker loses on the primary key; a row past its expiry (its process died without releasing it) is
 * removed first, by whoever comes next.
 */
export interface LockStore {
  /** Takes the lock for `holder`, or returns the holder that has it. */
  acquire(key: LockKey, holder: string, now: number, ttlMs: number): Promise<{ acquired: true } | { acquired: false; held: LockHolder }>;
  /** Pushes the expiry out while the change runs; false when the lock is no longer this holder's. */
  renew(key: LockKey, holder: string, expiresAt: number): Promise<boolean>;
  noteAudit(key: LockKey, holder: string, auditId: number): Promise<void>;
  release(key: LockKey, holder: string): Promise<void>;
  /** Audit ids of the changes running now on a cluster (an entry without an outcome and not here was interrupted). */
  runningAuditIds(cluster: string, now: number): Promise<Set<number>>;
}

export function createLockStore(db: Kysely<StoreDatabase>): LockStore {
  const row = (key: LockKey) => db.selectFrom('change_lock').selectAll().where('cluster', '=', key.cluster).where('target', '=', key.target);
  return {
    async acquire(key, holder, now, ttlMs) {
      await db.deleteFrom('change_lock').where('cluster', '=', key.cluster).where('target', '=', key.target).where('expires_at', '<', now).execute();
      await db
        .insertInto('change_lock')
        .values({ cluster: key.cluster, target: key.target, holder, since: now, expires_at: now + ttlMs, audit_id: null })
        .onConflict((oc) => oc.columns(['cluster', 'target']).doNothing())
        .execute();
      const current = await row(key).executeTakeFirst();
      if (current?.holder === holder) return { acquired: true };
      // released between the insert and the read: report it as held a moment ago rather than loop
      const held = current ?? { holder: 'another change', since: now, expires_at: now, audit_id: null };
      return { acquired: false, held: { holder: held.holder, since: Number(held.since), expiresAt: Number(held.expires_at), auditId: held.audit_id === null ? null : Number(held.audit_id) } };
    },
    async renew(key, holder, expiresAt) {
      const r = await db.updateTable('change_lock').set({ expires_at: expiresAt }).where('cluster', '=', key.cluster).where('target', '=', key.target).where('holder', '=', holder).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async noteAudit(key, holder, auditId) {
      await db.updateTable('change_lock').set({ audit_id: auditId }).where('cluster', '=', key.cluster).where('target', '=', key.target).where('holder', '=', holder).execute();
    },
    async release(key, holder) {
      await db.deleteFrom('change_lock').where('cluster', '=', key.cluster).where('target', '=', key.target).where('holder', '=', holder).execute();
    },
    async runningAuditIds(cluster, now) {
      const rows = await db.selectFrom('change_lock').select('audit_id').where('cluster', '=', cluster).where('expires_at', '>=', now).where('audit_id', 'is not', null).execute();
      return new Set(rows.map((r) => Number(r.audit_id)));
    },
  };
}
