/**
 * Alert rules and what they are evaluated on. A rule names a kind of figure, a scope (cluster, group and topic
 * patterns), a threshold and how long the threshold must hold ("for") before the alert fires. Figures come as
 * observations, one per group and kind, collected from the lag snapshot (collect.ts); a figure a broker did not give is an observation with `unknown` set, never a 0.
 */

/**
 * The kinds evaluated today, all about a consumer group and read from the lag snapshot. Consume failure rates (from
 * the clients) and the broker kinds (down, slave behind, disk ratio) are not collected yet.
 */
export const ALERT_KINDS = ['lag', 'lag-age', 'drain-time', 'no-client'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Worst first: how alerts and a group's diagnosed causes are ordered. */
export const SEVERITY_RANK: Readonly<Record<AlertSeverity, number>> = { critical: 0, warning: 1, info: 2 };

export interface AlertRule {
  id: string;
  name: string;
  kind: AlertKind;
  /** Only this cluster; every cluster when absent. */
  cluster?: string;
  /** Glob (`*`, `?`) over the group name, for group kinds. */
  groupPattern?: string;
  /** Glob over the group's subscribed topics: the rule applies when one of them matches. */
  topicPattern?: string;
  /**
   * Fires when the figure is at or above it: messages (lag), ms (lag-age, drain-time); no-client takes 1.
   */
  threshold: number;
  /** How long the threshold must hold before the alert fires. */
  forMs: number;
  severity: AlertSeverity;
  /** For the on-call: what to check, whom to call. */
  note?: string;
  enabled: boolean;
}

export interface Observation {
  kind: AlertKind;
  cluster: string;
  /** The group. */
  subject: string;
  /** A group's subscribed topics (for topicPattern). */
  topics?: readonly string[];
  /** The figure; Infinity for a drain time that never ends (lag and nothing consumed). */
  value?: number;
  /** Why there is no figure (a broker did not answer, no snapshot yet). */
  unknown?: string;
}

/** Compiles a glob once: `*` any run of characters, `?` one character, everything else literal. */
export function globMatcher(pattern: string | undefined): (text: string) => boolean {
  if (pattern === undefined || pattern === '' || pattern === '*') return () => true;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const re = new RegExp(`^${source}$`);
  return (text) => re.test(text);
}

export interface CompiledRule {
  rule: AlertRule;
  applies(o: Observation): boolean;
}

export function compileRule(rule: AlertRule): CompiledRule {
  const group = globMatcher(rule.groupPattern);
  const topic = globMatcher(rule.topicPattern);
  return {
    rule,
    applies(o) {
      if (o.kind !== rule.kind || (rule.cluster !== undefined && o.cluster !== rule.cluster)) return false;
      if (!group(o.subject)) return false;
      return rule.topicPattern === undefined || (o.topics ?? []).some(topic);
    },
  };
}
