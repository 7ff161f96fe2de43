import { describe, expect, it } from 'vitest';
import { snapshotProgressText } from './snapshotProgress';

describe('snapshotProgressText', () => {
  it('says the phase, how far it is and for how long', () => {
    expect(snapshotProgressText({ phase: 'connections', done: 12_000, total: 50_000, groups: 50_000, startedAt: 1_000 }, 13_400)).toBe('reading client connections: 12,000 / 50,000 groups (12 s so far)');
    expect(snapshotProgressText({ phase: 'offsets', done: 1, total: 2, groups: 50_001, startedAt: 0 }, 0)).toBe('reading consumer offsets: 1 / 2 masters, 50,001 groups (0 s so far)');
    expect(snapshotProgressText({ phase: 'starting', done: 0, total: 0, startedAt: 5_000 }, 4_000)).toBe('starting the lag snapshot (0 s so far)');
  });
});
