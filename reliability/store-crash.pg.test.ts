import { afterAll, describe, it } from 'vitest';
import { expectNothingLost } from '../test-support/store/crash';
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
    const atLeast = { entries: 10, outcomes: 5, lagSamples: 2 };
    const figures = await storeCrashFigures(database.options, { kills: 4, seed: 11, atLeast });
    expectNothingLost(figures, 4, atLeast);
  }, 120_000);
});
