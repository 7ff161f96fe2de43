/**
 * Alert rules and what they are evaluated on. A rule names a kind of figure, a scope (cluster, group and topic
 * patterns), a threshold and how long the threshold must hold ("for") before the alert fires. Figures come as
 * observations, one per group and kind, collected from the lag snapshot (collect.ts); a figure a broker did not give is an observation with `unknown` set, never a 0.
 */

/**
 * Group kinds, read from the lag snapshot: lag (messages), lag-age and drain-time (ms), no-client (1 when messages
 * wait and no client is online), failure-rate (messages per minute the group's clients sent back for redelivery,
 * from the growth of its %RETRY% topic between snapshots). Broker kinds, read from the brokers at each evaluation
 * when a rule asks for them (subject "brokerName/brokerId"): broker-down (1 when a registered broker does not
 * answer or a master is missing), slave-behind (commit-log bytes a slave lacks), disk-ratio (commit-log disk use, %).
 */
export const GROUP_KINDS = ['lag', 'lag-age', 'drain-time', 'no-client', 'failure-rate'] as const;
export const BROKER_KINDS = ['broker-down', 'slave-behind', 'disk-ratio'] as const;
export const ALERT_KINDS = [...GROUP_KINDS, ...BROKER_KINDS] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type BrokerKind = (typeof BROKER_KINDS)[number];

export function isBrokerKind(kind: AlertKind): kind is BrokerKind {
  return (BROKER_KINDS as readonly string[]).includes(kind);
}

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
  /** Glob over the brokerName, for broker kinds. */
  brokerPattern?: string;
  /**
   * Fires when the figure is at or above it: messages (lag), ms (lag-age, drain-time), messages per minute
   * (failure-rate), bytes (slave-behind), percent (disk-ratio); no-client and broker-down take 1.
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
  /** The group, or the broker node ("broker-a/1") for broker kinds. */
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
  const brokerKind = isBrokerKind(rule.kind);
  return {
    rule,
    applies(o) {
      if (o.kind !== rule.kind || (rule.cluster !== undefined && o.cluster !== rule.cluster)) return false;
      if (brokerKind) return broker(brokerNameOf(o.subject));
      if (!group(o.subject)) return false;
      return rule.topicPattern === undefined || (o.topics ?? []).some(topic);
    },
  };
}

/** "broker-a/1" → "broker-a": the subject of a broker kind is a node of a broker group. */
export function brokerNameOf(subject: string): string {
  const slash = subject.lastIndexOf('/');
  return slash < 0 ? subject : subject.slice(0, slash);
}

/**
 * Where an alert's subject is shown: its group's page, or for a broker process ("broker-a/1": group names never hold a
 * slash) the HA page, or the storage page for its disk. The alerts page and the notifications link the same way.
 */
export function subjectPage(subject: string, kind?: AlertKind): 'group' | 'ha' | 'storage' {
  if (kind === 'disk-ratio') return 'storage';
  return (kind !== undefined && isBrokerKind(kind)) || subject.includes('/') ? 'ha' : 'group';
}
