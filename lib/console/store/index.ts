import path from 'node:path';
import type { Kysely } from 'kysely';
import { log } from '../core/log';
import { connectPostgres, connectSqlite } from './connect';
import { createAuditStore } from './audit';
import { createLagStore } from './lag';
import { migrateToLatest } from './migrations';
import type { StoreDatabase } from './schema';
import type { Store, StoreOptions } from './types';

export type { CompactOptions, GroupLagRow, LagStore, QueueLagRow, Store, StoreOptions } from './types';
export type { AuditFilter, AuditRecord, AuditStore } from './audit';

/** A store of its own (tests, bench): PostgreSQL when databaseUrl is given, else SQLite at sqlitePath (':memory:' allowed, the default). */
export async function openStore(options: StoreOptions): Promise<Store> {
  const kind = options.databaseUrl ? 'postgres' : 'sqlite';
  const db: Kysely<StoreDatabase> = options.databaseUrl
    ? connectPostgres(options.databaseUrl, (error) => log.warn({ err: error }, 'store: idle PostgreSQL connection failed'))
    : connectSqlite(options.sqlitePath ?? ':memory:');
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { kind, lag: createLagStore(db), audit: createAuditStore(db), close: () => db.destroy() };
}

/** Where getStore() keeps its data: DATABASE_URL (PostgreSQL), else `${DATA_DIR ?? './data'}/console.db`. */
export function storeOptionsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): StoreOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  if (databaseUrl) return { databaseUrl };
  return { sqlitePath: path.join(env.DATA_DIR?.trim() || './data', 'console.db') };
}

// On globalThis, not in a module variable: Next.js reloads modules (dev server, separate route bundles), and a
// second SQLite handle or PostgreSQL pool per reload would leak connections and run migrations again.
const holder = globalThis as typeof globalThis & { __consoleStore?: Promise<Store> };

/** The process-wide store (kept on globalThis, so Next.js module reloads share it); runs migrations once. */
export function getStore(): Promise<Store> {
  holder.__consoleStore ??= openShared();
  return holder.__consoleStore;
}

async function openShared(): Promise<Store> {
  const options = storeOptionsFromEnv();
  let store: Store;
  try {
    store = await openStore(options);
  } catch (error) {
    // a database that is down at startup must not stay failed for the life of the process
    holder.__consoleStore = undefined;
    throw error;
  }
  log.info({ kind: store.kind, ...(options.sqlitePath ? { file: options.sqlitePath } : {}) }, 'store: opened');
  const shared = store;
  return {
    kind: shared.kind,
    lag: shared.lag,
    audit: shared.audit,
    async close() {
      holder.__consoleStore = undefined;
      await shared.close();
    },
  };
}
