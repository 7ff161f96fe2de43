/** Test support (vitest only) for the store suites that run on every dialect. */
import { afterEach } from 'vitest';
import { openStore, type Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';

export interface FreshDatabase {
  db: TestDatabase;
  /** Opens a store on this database (several times to test reopening); each is closed after the test. */
  open: () => Promise<Store>;
}

/**
 * Call inside a describe: returns a function that makes an empty database of its own for a test. After each test
 * the stores close before their database is dropped (registered in that order, run in reverse).
 */
export function freshDatabases(createDatabase: () => Promise<TestDatabase>): () => Promise<FreshDatabase> {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return async () => {
    const db = await createDatabase();
    cleanups.push(() => db.drop());
    return {
      db,
      open: async () => {
        const store = await openStore(db.options);
        cleanups.push(() => store.close());
        return store;
      },
    };
  };
}
