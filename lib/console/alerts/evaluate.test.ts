import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countStates, evaluate, stateOf, type AlertStates } from './evaluate';
import { compileRule, globMatcher, type AlertRule, type Observation } from './rules';

const rule = (over: Partial<AlertRule> = {}): AlertRule => ({ id: 'r1', name: 'lag over 100', kind: 'lag', threshold: 100, forMs: 60_000, severity: 'warning', enabled: true, ...over });
const lag = (subject: string, value: number | undefined, over: Partial<Observation> = {}): Observation => ({ kind: 'lag', cluster: 'c', subject, value, topics: ['T'], ...over });

/** Runs evaluations one after another, each on the states the last one left. */
function run(rules: AlertRule[], steps: Array<{ at: number; observations: Observation[] }>) {
  let states: AlertStates = new Map();
  return steps.map(({ at, observations }) => {
    const e = evaluate(rules, observations, states, at);
    states = e.states;
    return e;
  });
}

describe('alert evaluation', () => {
  it('goes pending when the threshold is crossed, fires once it held for the "for" duration, resolves when it drops', () => {
    const [a, b, c, d] = run([rule()], [
      { at: 0, observations: [lag('g', 150)] },
      { at: 30_000, observations: [lag('g', 180)] },
      { at: 60_000, observations: [lag('g', 120)] },
      { at: 90_000, observations: [lag('g', 10)] },
    ]);
    expect(a!.transitions).toEqual([{ ruleId: 'r1', cluster: 'c', subject: 'g', from: 'inactive', to: 'pending', at: 0, value: 150 }]);
    expect(b!.transitions).toEqual([]);
    expect(stateOf(b!.states, 'r1', 'c', 'g')).toMatchObject({ phase: 'pending', value: 180, activeAt: 0 });
    expect(c!.transitions).toEqual([expect.objectContaining({ from: 'pending', to: 'firing', at: 60_000 })]);
    expect(d!.transitions).toEqual([expect.objectContaining({ from: 'firing', to: 'resolved', at: 90_000, value: 10 })]);
    expect(stateOf(d!.states, 'r1', 'c', 'g')).toMatchObject({ phase: 'resolved', firedAt: 60_000, resolvedAt: 90_000 });
  });

  it('fires at once with no "for" duration, and a pending alert that drops back goes without firing', () => {
    const [now] = run([rule({ forMs: 0 })], [{ at: 5, observations: [lag('g', 100)] }]);
    expect(now!.transitions[0]).toMatchObject({ from: 'inactive', to: 'firing' });
    const [, back] = run([rule()], [
      { at: 0, observations: [lag('g', 150)] },
      { at: 10_000, observations: [lag('g', 50)] },
    ]);
    expect(back!.transitions).toEqual([expect.objectContaining({ from: 'pending', to: 'inactive' })]);
    expect(countStates(back!.states)).toBe(0);
  });

  it('never reads an unknown figure as 0: a firing alert stays firing and says why it cannot evaluate', () => {
    const [, unknown] = run([rule({ forMs: 0 })], [
      { at: 0, observations: [lag('g', 500)] },
      { at: 10_000, observations: [lag('g', undefined, { unknown: 'broker-b did not answer' })] },
    ]);
    expect(unknown!.transitions).toEqual([]);
    expect(unknown!.unknown).toEqual([{ ruleId: 'r1', cluster: 'c', subject: 'g', reason: 'broker-b did not answer' }]);
    expect(stateOf(unknown!.states, 'r1', 'c', 'g')).toMatchObject({ phase: 'firing', value: 500, unknown: { reason: 'broker-b did not answer', since: 10_000 } });
  });

  it('resolves a firing alert whose group is gone, and one whose rule was disabled', () => {
    const [, gone] = run([rule({ forMs: 0 })], [
      { at: 0, observations: [lag('g', 500)] },
      { at: 10_000, observations: [] },
    ]);
    expect(gone!.transitions).toEqual([expect.objectContaining({ from: 'firing', to: 'resolved' })]);
    const first = evaluate([rule({ forMs: 0 })], [lag('g', 500)], new Map(), 0);
    const disabled = evaluate([rule({ forMs: 0, enabled: false })], [lag('g', 500)], first.states, 10_000);
    expect(disabled.transitions).toEqual([expect.objectContaining({ from: 'firing', to: 'resolved' })]);
  });

  it('scopes a rule by cluster, group glob and topic glob', () => {
    const scoped = rule({ cluster: 'c', groupPattern: 'pay_*', topicPattern: 'Order?' });
    const e = evaluate([{ ...scoped, forMs: 0 }], [lag('pay_a', 200, { topics: ['Order1'] }), lag('pay_b', 200, { topics: ['Other'] }), lag('ship_a', 200, { topics: ['Order1'] }), lag('pay_c', 200, { cluster: 'd', topics: ['Order1'] })], new Map(), 0);
    expect(e.transitions.map((t) => `${t.cluster}/${t.subject}`)).toEqual(['c/pay_a']);
    const age = compileRule(rule({ kind: 'lag-age', threshold: 60_000 }));
    expect(age.applies({ kind: 'lag-age', cluster: 'c', subject: 'g', value: 90_000 })).toBe(true);
    expect(age.applies({ kind: 'lag', cluster: 'c', subject: 'g', value: 90_000 })).toBe(false);
  });

  it('takes glob patterns literally apart from * and ?', () => {
    expect(globMatcher('a.b*')('a.bc')).toBe(true);
    expect(globMatcher('a.b*')('axbc')).toBe(false);
    expect(globMatcher('(x)?')('(x)y')).toBe(true);
    expect(globMatcher(undefined)('anything')).toBe(true);
  });

  it('treats a drain time that never ends as over any threshold', () => {
    const e = evaluate([rule({ kind: 'drain-time', threshold: 3_600_000, forMs: 0 })], [{ kind: 'drain-time', cluster: 'c', subject: 'g', value: Number.POSITIVE_INFINITY }], new Map(), 0);
    expect(e.transitions[0]).toMatchObject({ to: 'firing' });
  });

  it('moves no alert on an unknown figure, whatever came before (fast-check)', () => {
    const figure = fc.oneof(fc.integer({ min: 0, max: 1000 }).map((v) => ({ value: v })), fc.constant({ unknown: 'no answer' }));
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 50_000 }), (figures, forMs) => {
        let states: AlertStates = new Map();
        figures.forEach((f, i) => {
          const e = evaluate([rule({ forMs })], [lag('g', 'value' in f ? f.value : undefined, 'unknown' in f ? { unknown: f.unknown } : {})], states, i * 10_000);
          if ('unknown' in f) {
            expect(e.transitions).toEqual([]);
            const before = stateOf(states, 'r1', 'c', 'g');
            const after = stateOf(e.states, 'r1', 'c', 'g');
            expect(after?.phase).toBe(before && before.phase !== 'resolved' ? before.phase : undefined);
          }
          states = e.states;
        });
      }),
      { numRuns: 300 },
    );
  });
});
