import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expectNothingLost } from '../test-support/store/crash';
import { storeCrashFigures } from './store-crash';

// The short version of `npm run reliability`'s store check on SQLite: 4 kills -9 of a process writing audit entries
// and lag history; every acknowledged write is there after each (store-crash.pg.test.ts: PostgreSQL).
describe('the SQLite store under kill -9 while writing', () => {
  it('keeps every acknowledged audit row and lag sample, and stays readable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'store-crash-'));
    // how much gets written before each kill depends on the machine (CI runs this beside two booting sandboxes: 20
    // entries once, 14 another time): the last round writes until the four add up to what the check asks for
    const atLeast = { entries: 20, outcomes: 10, lagSamples: 4 };
    const figures = await storeCrashFigures({ sqlitePath: path.join(dir, 'console.db') }, { kills: 4, seed: 7, atLeast });
    expectNothingLost(figures, 4, atLeast);
  }, 120_000);
});
