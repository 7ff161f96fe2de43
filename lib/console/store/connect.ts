import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { StoreDatabase } from './schema';

/** How long a SQLite writer waits for another connection's write lock before failing (another process, a CLI). */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function connectSqlite(file: string): Kysely<StoreDatabase> {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  if (!inMemory) {
    // WAL lets the pages read while the sampler writes; NORMAL sync is durable at checkpoints, which is plenty
    // for monitoring history and keeps a 100,000-row sample from waiting on an fsync per transaction
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
  }
  return new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database }) });
}

// node-postgres hands int8 (BIGINT, count(*)) back as strings because they can exceed 2^53. Times in ms and
// message counts stay far below that, and callers want numbers; this is set per pool, not on pg's global
// registry, so other pg users in the process keep their defaults.
const INT8_OID = 20;

// pg is loaded when the store is on PostgreSQL only: a SQLite console never holds it in memory
export function connectPostgres(url: string, onIdleError: (error: Error) => void): Kysely<StoreDatabase> {
  const pool = async () => {
    const { default: driver } = await import('pg');
    const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary' ? (value: string) => Number(value) : driver.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser;
    const created = new driver.Pool({ connectionString: url, max: 10, types: { getTypeParser } });
    // an idle client losing its server emits 'error' on the pool; unhandled, that would end the process
    created.on('error', onIdleError);
    return created;
  };
  return new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
}
