import { describe, expect, it } from 'vitest';
import { describeFigure, groupLink } from './format';

describe('notification texts', () => {
  it('says each kind\'s figure in its unit, a drain that never ends as never, and a broker that answers again as such', () => {
    expect(describeFigure({ kind: 'lag', value: 12345, threshold: 1000 })).toBe('lag 12,345 (threshold 1,000)');
    expect(describeFigure({ kind: 'lag-age', value: 312_000, threshold: 300_000 })).toBe('lag age 5m 12s (threshold 5m)');
    expect(describeFigure({ kind: 'drain-time', value: null, threshold: 600_000 })).toBe('time to drain never (nothing consumed) (threshold 10m)');
    expect(describeFigure({ kind: 'failure-rate', value: 42.25, threshold: 10 })).toBe('consume failures 42.3/min (threshold 10/min)');
    expect(describeFigure({ kind: 'slave-behind', value: 300 * 1024 * 1024, threshold: 100 * 1024 * 1024 })).toBe('behind its master by 300 MiB (threshold 100 MiB)');
    expect(describeFigure({ kind: 'disk-ratio', value: 91.26, threshold: 85 })).toBe('commit-log disk 91.3% (threshold 85.0%)');
    expect(describeFigure({ kind: 'broker-down', value: 1, threshold: 1 })).toBe('does not answer (down, frozen or unregistered)');
    expect(describeFigure({ kind: 'no-client', value: 1, threshold: 1 })).toBe('no online client');
  });

  it('links a group to its page at the firing time, a broker process to the HA page and a disk to the storage page', () => {
    expect(groupLink('https://c.example', 'prod east', { subject: 'pay%cg', firedAt: 5, at: 9 })).toBe('https://c.example/clusters/prod%20east/groups/pay%25cg?alertAt=5');
    expect(groupLink('https://c.example', 'c', { subject: 'broker-a/1', at: 9, kind: 'slave-behind' })).toBe('https://c.example/clusters/c/ha');
    expect(groupLink('https://c.example', 'c', { subject: 'broker-a/0', at: 9, kind: 'disk-ratio' })).toBe('https://c.example/clusters/c/storage');
  });
});
