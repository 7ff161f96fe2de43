/**
 * One evaluation of every rule against the observations of one snapshot: each (rule, subject) pair moves through
 * pending → firing → resolved, as Prometheus alerts do. A figure that is unknown moves nothing: a pending alert does
 * not fire and a firing one does not resolve on a value nobody read; the pair says it cannot evaluate, and why.
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
  /** Every pair not inactive, keyed by alertKey. */
  states: Map<string, AlertState>;
  transitions: Transition[];
  /** Pairs of a rule and a subject whose figure could not be read. */
  unknown: Array<{ ruleId: string; cluster: string; subject: string; reason: string }>;
}

export function alertKey(ruleId: string, cluster: string, subject: string): string {
  return `${ruleId}\u0000${cluster}\u0000${subject}`;
}

/**
 * `previous` is the last evaluation's states (or those the store kept). A resolved pair stays one evaluation so
 * listeners see it, then goes. A pair whose subject is no longer observed (a deleted group) resolves.
 */
export function evaluate(rules: readonly AlertRule[], observations: readonly Observation[], previous: ReadonlyMap<string, AlertState>, now: number): Evaluation {
  const states = new Map<string, AlertState>();
  const transitions: Transition[] = [];
  const unknown: Evaluation['unknown'] = [];
  /** pairs some rule looked at this time, whatever came of it */
  const seen = new Set<string>();
  const compiled = rules.filter((r) => r.enabled).map(compileRule);
  const byKind = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byKind.get(o.kind);
    if (list) list.push(o);
    else byKind.set(o.kind, [o]);
  }
  for (const { rule, applies } of compiled) {
    for (const o of byKind.get(rule.kind) ?? []) {
      if (!applies(o)) continue;
      const key = alertKey(rule.id, o.cluster, o.subject);
      const before = previous.get(key);
      seen.add(key);
      if (o.unknown !== undefined || o.value === undefined) {
        const reason = o.unknown ?? 'no figure';
        unknown.push({ ruleId: rule.id, cluster: o.cluster, subject: o.subject, reason });
        if (before && before.phase !== 'resolved') states.set(key, { ...before, unknown: { reason, since: before.unknown?.since ?? now } });
        continue;
      }
      const next = step(rule, before, o, now);
      if (next.state) states.set(key, next.state);
      if (next.transition) transitions.push(next.transition);
    }
  }
  // pending or firing pairs no rule saw this time: their subject is gone, or their rule was disabled or deleted
  for (const [key, before] of previous) {
    if (seen.has(key) || before.phase === 'resolved') continue;
    if (before.phase === 'firing') {
      states.set(key, { ...before, phase: 'resolved', since: now, resolvedAt: now, unknown: undefined });
      transitions.push({ ruleId: before.ruleId, cluster: before.cluster, subject: before.subject, from: 'firing', to: 'resolved', at: now, value: before.value });
    } else {
      transitions.push({ ruleId: before.ruleId, cluster: before.cluster, subject: before.subject, from: 'pending', to: 'inactive', at: now, value: before.value });
    }
  }
  return { states, transitions, unknown };
}

function step(rule: AlertRule, before: AlertState | undefined, o: Observation, now: number): { state?: AlertState; transition?: Transition } {
  const value = o.value!;
  const breached = value >= rule.threshold;
  const base = { ruleId: rule.id, cluster: o.cluster, subject: o.subject };
  const move = (from: Transition['from'], to: Transition['to']): Transition => ({ ...base, from, to, at: now, value });
  const active = before !== undefined && before.phase !== 'resolved';
  if (!breached) {
    if (!active) return {};
    if (before.phase === 'firing') return { state: { ...before, phase: 'resolved', since: now, resolvedAt: now, value, unknown: undefined }, transition: move('firing', 'resolved') };
    return { transition: move('pending', 'inactive') };
  }
  if (!active) {
    const firing = rule.forMs <= 0;
    const state: AlertState = { ...base, phase: firing ? 'firing' : 'pending', since: now, activeAt: now, value, ...(firing ? { firedAt: now } : {}) };
    return { state, transition: move(before?.phase ?? 'inactive', state.phase) };
  }
  if (before.phase === 'pending' && now - before.activeAt >= rule.forMs) {
    return { state: { ...before, phase: 'firing', since: now, firedAt: now, value, unknown: undefined }, transition: move('pending', 'firing') };
  }
  return { state: { ...before, value, unknown: undefined } };
}
