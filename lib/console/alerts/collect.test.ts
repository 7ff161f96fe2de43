import { describe, expect, it } from 'vitest';
import { PackedQueues } from '../lag/packed-queues';
import type { QueueLag } from '../lag/types';
import { AlertRuleBody } from './schema';
import { compileRule } from './rules';
import { groupObservations, RetryTotals } from './collect';

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

  it('counts consume failures per minute from the growth of the group\'s %RETRY% topic; unknown before two snapshots or while a broker failed, and the partial total not kept', () => {
    const q = (topic: string, brokerName: string, brokerOffset: number): QueueLag => ({ topic, brokerName, queueId: 0, brokerOffset, consumerOffset: 0, lag: brokerOffset, lastTimestamp: 0 });
    const snap = (asOf: number, retryA: number, retryB: number, failures?: unknown[]) => ({
      asOf,
      groups: [group({ queues: PackedQueues.pack([q('T', 'broker-a', 500), q('%RETRY%g', 'broker-a', retryA), q('%RETRY%g', 'broker-b', retryB)]), ...(failures ? { failures } : {}) })],
    });
    const totals = new RetryTotals();
    const rate = (s: ReturnType<typeof snap>, keep = true) => groupObservations('c', s, new Map(), { totals, keep }).find((o) => o.kind === 'failure-rate')!;
    expect(rate(snap(0, 10, 5)).unknown).toBe('the failure rate needs two snapshots');
    // 30 more in 30 s (T's 500 is not counted)
    expect(rate(snap(30_000, 30, 15)).value).toBe(60);
    // a preview reads without moving the baseline
    expect(rate(snap(60_000, 30, 15), false).value).toBe(0);
    expect(rate(snap(60_000, 30, 15), false).value).toBe(0);
    // broker-b failed: unknown, and its missing 15 is not taken as the new total
    expect(rate(snap(60_000, 40, 0, [{ brokerName: 'broker-b', addr: 'x', error: 'timeout' }])).unknown).toBe('broker-b did not answer');
    expect(rate(snap(90_000, 45, 15)).value).toBe(15 / 60_000 * 60_000);
    // a %RETRY% queue that appears (the group committed its first offset there) resets the baseline
    const three = { asOf: 120_000, groups: [group({ queues: PackedQueues.pack([q('%RETRY%g', 'broker-a', 50), q('%RETRY%g', 'broker-b', 15), { ...q('%RETRY%g', 'broker-b', 900), queueId: 1 }]) })] };
    expect(rate(three).unknown).toBe('the failure rate needs two snapshots');
    expect(rate({ ...three, asOf: 180_000 }).value).toBe(0);
  });

  it('scopes a broker kind by brokerName over "brokerName/brokerId" subjects, and refuses group patterns on it (and a broker pattern on a group kind) naming the field', () => {
    const rule = compileRule({ id: 'r', name: 'r', kind: 'broker-down', brokerPattern: 'broker-a*', threshold: 1, forMs: 0, severity: 'critical', enabled: true });
    expect(rule.applies({ kind: 'broker-down', cluster: 'c', subject: 'broker-a/1', value: 1 })).toBe(true);
    expect(rule.applies({ kind: 'broker-down', cluster: 'c', subject: 'broker-b/0', value: 1 })).toBe(false);
    expect(rule.applies({ kind: 'disk-ratio', cluster: 'c', subject: 'broker-a/0', value: 1 })).toBe(false);
    const base = { name: 'x', threshold: 1, forMs: 0, severity: 'warning' };
    const fieldOf = (body: unknown) => AlertRuleBody.safeParse(body).error?.issues[0]?.path.join('.');
    expect(fieldOf({ ...base, kind: 'broker-down', groupPattern: 'g*' })).toBe('groupPattern');
    expect(fieldOf({ ...base, kind: 'lag', brokerPattern: 'broker-a' })).toBe('brokerPattern');
    expect(fieldOf({ ...base, kind: 'disk-ratio', threshold: 120 })).toBe('threshold');
    expect(AlertRuleBody.safeParse({ ...base, kind: 'slave-behind', brokerPattern: 'broker-*' }).success).toBe(true);
  });
});
