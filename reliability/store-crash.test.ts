import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeCrashFigures } from './store-crash';

// The short version of `npm run reliability`'s store check on SQLite: 4 kills -9 of a process writing audit entries
// and lag history; every acknowledged write is there after each (store-crash.pg.test.ts: PostgreSQL).
describe('the SQLite store under kill -9 while writing', () => {
  it('keeps every acknowledged audit row and lag sample, and stays readable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'store-crash-'));
    const figures = await storeCrashFigures({ sqlitePath: path.join(dir, 'console.db') }, { kills: 4, seed: 7 });
    expect(figures.problems).toEqual([]);
    expect(figures.kills).toBe(4);
    // the check checked something: the writer got writes acknowledged before each kill
    expect(figures.acknowledged.entries).toBeGreaterThan(20);
    expect(figures.acknowledged.outcomes).toBeGreaterThan(10);
    expect(figures.acknowledged.lagSamples).toBeGreaterThan(4);
    expect(figures.lost).toEqual({ entries: 0, progress: 0, outcomes: 0, lagRows: 0 });
    expect(figures.unreadable).toBe(0);
  }, 120_000);
});
