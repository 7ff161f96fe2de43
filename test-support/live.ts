/** Test support for live protocol tests: one pool per test file, closed afterwards. */
import { afterAll } from 'vitest';
import { ConnectionPool } from '../lib/remoting';

export function livePool(): ConnectionPool {
  const pool = new ConnectionPool();
  afterAll(() => pool.close());
  return pool;
}
