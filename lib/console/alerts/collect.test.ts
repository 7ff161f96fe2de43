import { describe, expect, it } from 'vitest';
import { groupObservations } from './collect';

const group = (over: Record<string, unknown> = {}) => ({ group: 'g', brokers: ['broker-a'], system: false, orderly: false, clients: 1, lag: 0, consumeTps: 0, topics: ['T'], ...over });
const figures = (obs: ReturnType<typeof groupObservations>) => Object.fromEntries(obs.map((o) => [o.kind, o.unknown ?? o.value]));

describe('observations from the lag snapshot', () => {
  it('reads lag, lag age, drain time and whether messages wait with no client', () => {
    const obs = groupObservations('c', { asOf: 100_000, groups: [group({ lag: 40, clients: 0, oldestUnconsumedTimestamp: 40_000, drain: { consumeRate: 0, produceRate: 1, trend: 'growing' } })] });
    expect(figures(obs)).toEqual({ lag: 40, 'lag-age': 60_000, 'drain-time': Number.POSITIVE_INFINITY, 'no-client': 1 });
    expect(obs.every((o) => o.cluster === 'c' && o.subject === 'g' && o.topics?.[0] === 'T')).toBe(true);
  });

  it('gives a caught-up group zeros, and a draining one its time to drain', () => {
    expect(figures(groupObservations('c', { asOf: 1, groups: [group()] }))).toEqual({ lag: 0, 'lag-age': 0, 'drain-time': 0, 'no-client': 0 });
    const draining = group({ lag: 10, oldestUnconsumedTimestamp: 0, drain: { consumeRate: 2, produceRate: 1, trend: 'draining', etaMs: 10_000 } });
    expect(figures(groupObservations('c', { asOf: 5, groups: [draining] }))['drain-time']).toBe(10_000);
  });

  it('says what it does not know instead of a 0: a broker that failed the group, a drain rate before two snapshots', () => {
    const failed = group({ lag: 3, clients: 0, failures: [{ brokerName: 'broker-b', addr: 'x', error: 'timeout' }] });
    expect(figures(groupObservations('c', { asOf: 1, groups: [failed] }))).toEqual({
      lag: 'broker-b did not answer',
      'lag-age': 'broker-b did not answer',
      'drain-time': 'broker-b did not answer',
      'no-client': 'broker-b did not answer',
    });
    const fresh = group({ lag: 3 });
    expect(figures(groupObservations('c', { asOf: 1, groups: [fresh] }))).toMatchObject({ 'lag-age': expect.stringContaining('not read'), 'drain-time': 'the drain rate needs two snapshots' });
  });

  it('takes a group as incomplete when a broker it was last seen on failed the whole snapshot', () => {
    const known = new Map([['g', new Set(['broker-a', 'broker-b'])], ['h', new Set(['broker-a'])]]);
    const obs = groupObservations('c', { asOf: 1, groups: [group({ lag: 3, brokers: ['broker-a'] }), group({ group: 'h', lag: 3 })], failures: [{ brokerName: 'broker-b' }] }, known);
    // its clients are online whatever broker-b says: only the figures broker-b holds a part of are unknown
    expect(obs.filter((o) => o.subject === 'g' && o.kind !== 'no-client').every((o) => o.unknown === 'broker-b did not answer')).toBe(true);
    expect(obs.find((o) => o.subject === 'g' && o.kind === 'no-client')?.value).toBe(0);
    expect(obs.find((o) => o.subject === 'h' && o.kind === 'lag')?.value).toBe(3);
  });

  it('leaves system groups out', () => {
    expect(groupObservations('c', { asOf: 1, groups: [group({ system: true })] })).toEqual([]);
  });
});
