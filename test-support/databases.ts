import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { StoreOptions } from '../lib/console/store/types';

/** An empty database for one test: what to pass to openStore (possibly several times), and how to throw it away. */
export interface TestDatabase {
  options: StoreOptions;
  drop(): Promise<void>;
}

/** A SQLite file in a fresh temporary directory (a real file: WAL and reopening behave as in production). */
export async function sqliteTempDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'console-store-'));
  return {
    options: { sqlitePath: path.join(dir, 'nested', 'console.db') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh schema in the PostgreSQL database at `url`, made the connection's search_path, so every test starts
 * from an empty, unmigrated database without needing the rights to create databases; dropped afterwards.
 */
export async function postgresSchemaDatabase(url: string): Promise<TestDatabase> {
  const schema = `store_test_${randomBytes(6).toString('hex')}`;
  await withClient(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    options: { databaseUrl: scoped.toString() },
    drop: () => withClient(url, (c) => c.query(`DROP SCHEMA ${schema} CASCADE`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
