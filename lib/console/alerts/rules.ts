/**
 * Alert rules and what they are evaluated on. A rule names a kind of figure, a scope (cluster, group/topic/broker
 * patterns), a threshold and how long the threshold must hold ("for") before the alert fires. Figures come as
 * observations, one per subject (a group or a broker) and kind, collected from the lag snapshot and the brokers'
 * runtime (collect.ts); a figure a broker did not give is an observation with `unknown` set, never a 0.
 */

export const ALERT_KINDS = ['lag', 'lag-age', 'drain-time', 'failure-rate', 'no-client', 'broker-down', 'slave-behind', 'disk-ratio'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** Kinds whose subject is a consumer group; the others are about a broker. */
export const GROUP_KINDS: ReadonlySet<AlertKind> = new Set(['lag', 'lag-age', 'drain-time', 'failure-rate', 'no-client']);

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

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
  /** Glob over the broker name, for broker kinds. */
  brokerPattern?: string;
  /**
   * Fires when the figure is at or above it: messages (lag), ms (lag-age, drain-time, slave-behind), failures per
   * second (failure-rate), a ratio 0-1 (disk-ratio); no-client and broker-down take 1.
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
  /** The group or the broker name. */
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
  const broker = globMatcher(rule.brokerPattern);
  const groupKind = GROUP_KINDS.has(rule.kind);
  return {
    rule,
    applies(o) {
      if (o.kind !== rule.kind || (rule.cluster !== undefined && o.cluster !== rule.cluster)) return false;
      if (!groupKind) return broker(o.subject);
      if (!group(o.subject)) return false;
      return rule.topicPattern === undefined || (o.topics ?? []).some(topic);
    },
  };
}
