import { expect } from 'vitest';
import type { StoreCrashFigures } from '../../reliability/store-crash';

/** What store-crash.test.ts (SQLite) and store-crash.pg.test.ts assert: it checked writes, and none was lost. */
export function expectNothingLost(figures: StoreCrashFigures, kills: number, atLeast: { entries: number; outcomes: number; lagSamples: number }): void {
  expect(figures.problems).toEqual([]);
  expect(figures.kills).toBe(kills);
  // the check checked something: the writer got writes acknowledged before each kill
  expect(figures.acknowledged.entries).toBeGreaterThan(atLeast.entries);
  expect(figures.acknowledged.outcomes).toBeGreaterThan(atLeast.outcomes);
  expect(figures.acknowledged.lagSamples).toBeGreaterThan(atLeast.lagSamples);
  expect(figures.lost).toEqual({ entries: 0, progress: 0, outcomes: 0, lagRows: 0 });
  expect(figures.unreadable).toBe(0);
}
