import { afterAll, describe, expect, it } from 'vitest';
import { postgresSchemaDatabase, type TestDatabase } from '../test-support/databases';
import { storeCrashFigures } from './store-crash';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: run `bash sandbox/scripts/postgres.sh start` and pass its URL');

// The same as store-crash.test.ts on PostgreSQL: the writer's connection dies with it, mid-transaction or not.
describe('the PostgreSQL store under kill -9 while writing', () => {
  let database: TestDatabase | undefined;
  afterAll(async () => database?.drop());

  it('keeps every acknowledged audit row and lag sample', async () => {
    database = await postgresSchemaDatabase(url);
    const figures = await storeCrashFigures(database.options, { kills: 4, seed: 11 });
    expect(figures.problems).toEqual([]);
    expect(figures.kills).toBe(4);
    expect(figures.acknowledged.entries).toBeGreaterThan(10);
    expect(figures.acknowledged.outcomes).toBeGreaterThan(5);
    expect(figures.acknowledged.lagSamples).toBeGreaterThan(2);
    expect(figures.lost).toEqual({ entries: 0, progress: 0, outcomes: 0, lagRows: 0 });
    expect(figures.unreadable).toBe(0);
  }, 120_000);
});
