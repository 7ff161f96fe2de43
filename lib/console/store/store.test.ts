import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readSettings } from '../core/config';
import { createLog } from '../core/log';
import { lazyStore, openStore } from './index';

describe('store settings', () => {
  it('uses PostgreSQL when DATABASE_URL is set, else ./data/console.db or DATA_DIR/console.db', () => {
    expect(readSettings({ DATABASE_URL: 'postgres://u@h/db' }).store).toEqual({ databaseUrl: 'postgres://u@h/db' });
    expect(readSettings({}).store).toEqual({ sqlitePath: path.join('data', 'console.db') });
    expect(readSettings({ DATABASE_URL: ' ', DATA_DIR: '/var/lib/console' }).store).toEqual({ sqlitePath: '/var/lib/console/console.db' });
  });
});

describe('lazyStore', () => {
  const dirs: string[] = [];
  const stores: Array<ReturnType<typeof lazyStore>> = [];
  const shared = (dataDir: string) => {
    const store = lazyStore({ sqlitePath: path.join(dataDir, 'console.db') }, createLog('silent'));
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('opens one shared SQLite store under DATA_DIR (created, WAL, busy timeout) and reopens after close', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'console-store-'));
    dirs.push(dir);
    const store = shared(path.join(dir, 'data'));
    const [a, b] = await Promise.all([store.get(), store.get()]);
    expect(a).toBe(b);
    expect(a.kind).toBe('sqlite');
    await a.lag.insert([{ cluster: 'c', group: 'g', t: 1, lag: 2, oldestAgeMs: null, resolutionMs: 0 }], []);
    const file = path.join(dir, 'data', 'console.db');
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    await store.close();
    const again = await store.get();
    expect(again).not.toBe(a);
    expect(await again.lag.groupSeries('c', 'g', 0, 10)).toHaveLength(1);
  });

  it('does not keep a failed open: the next call tries again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'console-store-'));
    dirs.push(dir);
    const store = shared(path.join(dir, 'not-a-dir'));
    // a file where the data directory should be: the open fails
    new Database(path.join(dir, 'not-a-dir')).close();
    await expect(store.get()).rejects.toThrow();
    rmSync(path.join(dir, 'not-a-dir'));
    expect((await store.get()).kind).toBe('sqlite');
  });
});

describe('openStore', () => {
  it('defaults to a private in-memory SQLite database', async () => {
    const [a, b] = await Promise.all([openStore({}), openStore({})]);
    await a.lag.insert([{ cluster: 'c', group: 'g', t: 1, lag: 2, oldestAgeMs: null, resolutionMs: 0 }], []);
    expect(await a.lag.groupSeries('c', 'g', 0, 10)).toHaveLength(1);
    expect(await b.lag.groupSeries('c', 'g', 0, 10)).toHaveLength(0);
    await Promise.all([a.close(), b.close()]);
  });
});
