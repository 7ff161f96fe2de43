import type { Kysely } from 'kysely';
import type { Logger } from '../core/log';
import { connectPostgres, connectSqlite } from './connect';
import { createAlertStore } from './alerts';
import { createAuditStore } from './audit';
import { createAuthStore } from './auth';
import { createLagStore } from './lag';
import { createLockStore } from './locks';
import { createNotifyStore } from './notify';
import { createPersonalStore } from './personal';
import { createPreferenceStore } from './preferences';
import { createRebalanceStore } from './rebalance';
import { migrateToLatest } from './migrations';
import type { StoreDatabase } from './schema';
import type { Store, StoreOptions } from './types';

export type { CompactOptions, GroupLagRow, LagStore, QueueLagRow, Store, StoreOptions } from './types';
export type { AuditFilter, AuditRecord, AuditStore } from './audit';
export type { LockHolder, LockKey, LockStore } from './locks';
export type { AlertAck, AlertEvent, AlertSilence, AlertStore } from './alerts';
export type { DeliveryOutcome, NotifyStore } from './notify';
export type { RebalanceBaselineRow, RebalanceEventRow, RebalanceStore } from './rebalance';
export type { PreferenceStore, UserPreferences } from './preferences';
export type { FavouriteKind, FavouriteRecord, Owner, PersonalStore, RecentSearchRecord, SearchKind } from './personal';
export type { AuthStore, NewUser, SessionFilter, SessionListing, SessionRecord, UserPatch, UserRecord } from './auth';

/** A store of its own (tests, bench): PostgreSQL when databaseUrl is given, else SQLite at sqlitePath (':memory:' allowed, the default). */
export async function openStore(options: StoreOptions, log?: Logger): Promise<Store> {
  const kind = options.databaseUrl ? 'postgres' : 'sqlite';
  const db: Kysely<StoreDatabase> = options.databaseUrl
    ? connectPostgres(options.databaseUrl, (error) => log?.warn({ err: error }, 'store: idle PostgreSQL connection failed'))
    : connectSqlite(options.sqlitePath ?? ':memory:');
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { kind, lag: createLagStore(db), audit: createAuditStore(db), auth: createAuthStore(db), locks: createLockStore(db), alerts: createAlertStore(db), notify: createNotifyStore(db), rebalance: createRebalanceStore(db), personal: createPersonalStore(db), preferences: createPreferenceStore(db), close: () => db.destroy() };
}

/**
 * The store opened on first use and shared: a database that is down when the console starts does not stop it, and
 * a failed open is tried again on the next use.
 */
export function lazyStore(options: StoreOptions, log: Logger): { get: () => Promise<Store>; close: () => Promise<void> } {
  let opening: Promise<Store> | undefined;
  return {
    get() {
      opening ??= openStore(options, log).then(
        (store) => {
          log.info({ kind: store.kind, ...(options.sqlitePath ? { file: options.sqlitePath } : {}) }, 'store: opened');
          return store;
        },
        (error: unknown) => {
          opening = undefined;
          throw error;
        },
      );
      return opening;
    },
    async close() {
      const open = opening;
      opening = undefined;
      if (open) await (await open.catch(() => undefined))?.close();
    },
  };
}
