/**
 * One evaluation of every rule against the observations of one snapshot: each (rule, subject) pair moves through
 * pending → firing → resolved, as Prometheus alerts do. A figure that is unknown moves nothing: a pending alert does
 * not fire and a firing one does not resolve on a value nobody read; the pair says it cannot evaluate, and why.
 *
 * 10,000 groups × 100 rules is a million pairs per snapshot (bench/alerts.ts): states are kept per rule and keyed by
 * a subject key made once per observation, and a pair whose figure did not change keeps its state object.
 */
import { compileRule, type AlertRule, type Observation } from './rules';

export type AlertPhase = 'pending' | 'firing' | 'resolved';

export interface AlertState {
  ruleId: string;
  cluster: string;
  subject: string;
  phase: AlertPhase;
  /** When the pair entered its phase. */
  since: number;
  /** When the threshold was first crossed in this episode. */
  activeAt: number;
  firedAt?: number;
  resolvedAt?: number;
  /** The last known figure. */
  value?: number;
  /** Set while the figure cannot be read. */
  unknown?: { reason: string; since: number };
}

/** Pairs that are not inactive: rule id → subject key (subjectKey) → state. */
export type AlertStates = Map<string, Map<string, AlertState>>;

export interface Transition {
  ruleId: string;
  cluster: string;
  subject: string;
  from: AlertPhase | 'inactive';
  to: AlertPhase | 'inactive';
  at: number;
  value?: number;
}

export interface Evaluation {
  states: AlertStates;
  transitions: Transition[];
  /** Pairs of a rule and a subject whose figure could not be read. */
  unknown: Array<{ ruleId: string; cluster: string; subject: string; reason: string }>;
}

export function subjectKey(cluster: string, subject: string): string {
  return `${cluster}\u0000${subject}`;
}

export function stateOf(states: AlertStates, ruleId: string, cluster: string, subject: string): AlertState | undefined {
  return states.get(ruleId)?.get(subjectKey(cluster, subject));
}

/** The value at `key`, made and stored first when there is none. */
export function getOrAdd<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

export function countStates(states: AlertStates): number {
  let n = 0;
  for (const m of states.values()) n += m.size;
  return n;
}

interface Keyed {
  o: Observation;
  key: string;
}

/**
 * `previous` is the last evaluation's states (or those the store kept). A resolved pair stays one evaluation so
 * listeners see it, then goes. A pair whose subject is no longer observed (a deleted group), or whose rule is
 * disabled or gone, resolves.
 */
export function evaluate(rules: readonly AlertRule[], observations: readonly Observation[], previous: AlertStates, now: number): Evaluation {
  const states: AlertStates = new Map();
  const transitions: Transition[] = [];
  const unknown: Evaluation['unknown'] = [];
  const byKind = new Map<string, Keyed[]>();
  const byKindKey = new Map<string, Map<string, Observation>>();
  for (const o of observations) {
    const keyed = { o, key: subjectKey(o.cluster, o.subject) };
    getOrAdd(byKind, o.kind, () => []).push(keyed);
    getOrAdd(byKindKey, o.kind, () => new Map<string, Observation>()).set(keyed.key, o);
  }
  const compiled = new Map(rules.filter((r) => r.enabled).map((r) => [r.id, compileRule(r)]));
  for (const { rule, applies } of compiled.values()) {
    const before = previous.get(rule.id);
    const after = new Map<string, AlertState>();
    for (const { o, key } of byKind.get(rule.kind) ?? []) {
      if (!applies(o)) continue;
      const prior = before?.get(key);
      if (o.unknown !== undefined || o.value === undefined) {
        const reason = o.unknown ?? 'no figure';
        unknown.push({ ruleId: rule.id, cluster: o.cluster, subject: o.subject, reason });
        if (prior && prior.phase !== 'resolved') after.set(key, prior.unknown?.reason === reason ? prior : { ...prior, unknown: { reason, since: prior.unknown?.since ?? now } });
        continue;
      }
      if (prior === undefined && o.value < rule.threshold) continue;
      const next = step(rule, prior, o, now);
      if (next.state) after.set(key, next.state);
      if (next.transition) transitions.push(next.transition);
    }
    if (after.size > 0) states.set(rule.id, after);
  }
  // pending or firing pairs no rule looked at this time: their subject is gone, or their rule disabled or deleted
  for (const [ruleId, pairs] of previous) {
    const rule = compiled.get(ruleId);
    const observed = rule ? byKindKey.get(rule.rule.kind) : undefined;
    for (const [key, prior] of pairs) {
      if (prior.phase === 'resolved') continue;
      const o = observed?.get(key);
      if (o && rule!.applies(o)) continue;
      const transition = { ruleId, cluster: prior.cluster, subject: prior.subject, at: now, value: prior.value };
      if (prior.phase === 'firing') {
        getOrAdd(states, ruleId, () => new Map<string, AlertState>()).set(key, { ...prior, phase: 'resolved', since: now, resolvedAt: now, unknown: undefined });
        transitions.push({ ...transition, from: 'firing', to: 'resolved' });
      } else {
        transitions.push({ ...transition, from: 'pending', to: 'inactive' });
      }
    }
  }
  return { states, transitions, unknown };
}

const NOTHING: { state?: AlertState; transition?: Transition } = Object.freeze({});

function moved(rule: AlertRule, o: Observation, from: Transition['from'], to: Transition['to'], now: number): Transition {
  return { ruleId: rule.id, cluster: o.cluster, subject: o.subject, from, to, at: now, value: o.value };
}

function step(rule: AlertRule, before: AlertState | undefined, o: Observation, now: number): { state?: AlertState; transition?: Transition } {
  const value = o.value!;
  const breached = value >= rule.threshold;
  const active = before !== undefined && before.phase !== 'resolved';
  if (!breached) {
    if (!active) return NOTHING;
    if (before.phase === 'firing') return { state: { ...before, phase: 'resolved', since: now, resolvedAt: now, value, unknown: undefined }, transition: moved(rule, o, 'firing', 'resolved', now) };
    return { transition: moved(rule, o, 'pending', 'inactive', now) };
  }
  if (!active) {
    const firing = rule.forMs <= 0;
    const state: AlertState = { ruleId: rule.id, cluster: o.cluster, subject: o.subject, phase: firing ? 'firing' : 'pending', since: now, activeAt: now, value, ...(firing ? { firedAt: now } : {}) };
    return { state, transition: moved(rule, o, before?.phase ?? 'inactive', state.phase, now) };
  }
  if (before.phase === 'pending' && now - before.activeAt >= rule.forMs) {
    return { state: { ...before, phase: 'firing', since: now, firedAt: now, value, unknown: undefined }, transition: moved(rule, o, 'pending', 'firing', now) };
  }
  return { state: before.value === value && before.unknown === undefined ? before : { ...before, value, unknown: undefined } };
}
