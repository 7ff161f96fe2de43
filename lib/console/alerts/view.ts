/**
 * What the alerts page shows: every pending, firing and just-resolved alert of a cluster with its rule's name,
 * severity and note, whether a silence covers it and who acknowledged its episode; the checks that could not be
 * made; and the history of transitions.
 */
import type { ClusterContext } from '../context';
import type { AlertEvent, AlertSilence } from '../store';
import type { AlertPhase, AlertState } from './evaluate';
import { globMatcher, SEVERITY_RANK, type AlertRule } from './rules';

/** A stored state with its rule and how it is being handled; `value` null: a drain that never ends, or not kept. */
export interface AlertView extends Omit<AlertState, 'cluster' | 'value'> {
  ruleName: string;
  kind: AlertRule['kind'];
  severity: AlertRule['severity'];
  threshold: number;
  note?: string;
  value: number | null;
  silencedBy?: { id: number; reason: string; endsAt: number; createdBy: string };
  ack?: { by: string; at: number; comment?: string };
}

export interface AlertsPage {
  alerts: AlertView[];
  /** Rule and group pairs whose figure could not be read at the last evaluation (this process's, when it evaluated). */
  unknown: Array<{ ruleId: string; subject: string; reason: string }>;
  unknownCount: number;
  rules: number;
  lastEvaluation?: { at: number; evaluatedHere: boolean; durationMs: number };
  asOf: number;
}

const UNKNOWN_LIMIT = 100;
const PHASE_RANK: Record<AlertPhase, number> = { firing: 0, pending: 1, resolved: 2 };

export async function listAlerts(ctx: ClusterContext): Promise<AlertsPage> {
  const store = await ctx.store();
  const now = Date.now();
  const [rules, states, silences, acks] = await Promise.all([store.alerts.rules(ctx.name), store.alerts.states(ctx.name), store.alerts.silences(ctx.name, now), store.alerts.acks(ctx.name)]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const silencedBy = silenceMatcher(silences);
  const episode = (a: { ruleId: string; subject: string; activeAt: number }) => `${a.ruleId}\u0000${a.subject}\u0000${a.activeAt}`;
  const ackOf = new Map(acks.map((a) => [episode(a), a]));
  const alerts = states.flatMap((s): AlertView[] => {
    const rule = byId.get(s.ruleId);
    if (!rule) return [];
    const silence = silencedBy(s.ruleId, s.subject);
    const ack = ackOf.get(episode(s));
    const { cluster: _cluster, value, ...state } = s;
    return [
      {
        ...state,
        ruleName: rule.name,
        kind: rule.kind,
        severity: rule.severity,
        threshold: rule.threshold,
        ...(rule.note ? { note: rule.note } : {}),
        value: value ?? null,
        ...(silence ? { silencedBy: { id: silence.id, reason: silence.reason, endsAt: silence.endsAt, createdBy: silence.createdBy } } : {}),
        ...(ack ? { ack: { by: ack.ackedBy, at: ack.ackedAt, ...(ack.comment ? { comment: ack.comment } : {}) } } : {}),
      },
    ];
  });
  alerts.sort((a, b) => PHASE_RANK[a.phase] - PHASE_RANK[b.phase] || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.activeAt - b.activeAt || a.subject.localeCompare(b.subject));
  const last = ctx.alerts.last;
  return {
    alerts,
    unknown: (last?.unknown ?? []).slice(0, UNKNOWN_LIMIT).map((u) => ({ ruleId: u.ruleId, subject: u.subject, reason: u.reason })),
    unknownCount: last?.unknown.length ?? 0,
    rules: rules.length,
    ...(last ? { lastEvaluation: { at: last.at, evaluatedHere: last.evaluated, durationMs: last.durationMs } } : {}),
    asOf: now,
  };
}

/** The first running silence that covers a pair: its rule (or every rule) and a subject glob (or every subject). */
export function silenceMatcher(silences: AlertSilence[]): (ruleId: string, subject: string) => AlertSilence | undefined {
  const compiled = silences.map((s) => ({ s, subject: globMatcher(s.subjectPattern) }));
  return (ruleId, subject) => compiled.find(({ s, subject: matches }) => (s.ruleId === undefined || s.ruleId === ruleId) && matches(subject))?.s;
}

export async function alertHistory(ctx: ClusterContext, query: { limit: number; before?: number; ruleId?: string; subject?: string }): Promise<{ events: Array<AlertEvent & { ruleName?: string }>; next?: number }> {
  const store = await ctx.store();
  const [events, rules] = await Promise.all([store.alerts.events(ctx.name, query), store.alerts.rules(ctx.name)]);
  const names = new Map(rules.map((r) => [r.id, r.name]));
  return {
    events: events.map((e) => ({ ...e, ...(names.has(e.ruleId) ? { ruleName: names.get(e.ruleId)! } : {}) })),
    ...(events.length === query.limit ? { next: events.at(-1)!.id } : {}),
  };
}

