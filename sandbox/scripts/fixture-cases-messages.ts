/** Fixture cases of the message operations (query, view, pull, trace, consume directly). */
import type { FixtureCase } from './fixture-cases';

export const MESSAGE_CASES: FixtureCase[] = [];
