/**
 * What the home page's "Starred" shows, assembled from what the console already holds (pure, so it is tested
 * without brokers): each starred group's lag, lag age, clients and alerts from the lag snapshot and the alert
 * states; each starred topic's messages and last write from the topic list's figures, the lag of the groups
 * consuming it and their alerts. A figure nobody could read stays undefined, with the reason, never 0.
 */
import type { AlertView } from '../alerts/view';
import type { TopicListItem, TopicType } from '../topics/catalog';
import type { GroupSnapshot, LagSnapshot } from '../lag/types';
import type { FavouriteRecord } from '../store';
import type { Sentences } from '../core/say';

export interface StarredAlert {
  ruleId: string;
  ruleName: string;
  severity: AlertView['severity'];
  kind: AlertView['kind'];
  /** The group the alert is about (a topic's alerts are those of the groups consuming it). */
  subject: string;
  phase: 'pending' | 'firing';
  activeAt: number;
  firedAt?: number;
  value: number | null;
  silenced: boolean;
}

/** found: the console reads it; missing: it no longer exists (deleted); unknown: its figures could not be read. */
export type StarredStatus = 'found' | 'missing' | 'unknown';

export interface StarredGroup {
  kind: 'group';
  name: string;
  starredAt: number;
  status: StarredStatus;
  /** Why it is missing or unknown, or why some figures are. */
  reason?: string;
  lag?: number;
  /** How old the oldest unconsumed message was when the snapshot was read (asOf − its store time). */
  lagAgeMs?: number;
  oldestUnconsumedTimestamp?: number;
  clients?: number;
  consumeTps?: number;
  topics?: string[];
  /** A broker did not answer for this group in the snapshot: the lag leaves its queues out. */
  partial?: boolean;
  alerts: StarredAlert[];
}

export interface StarredTopic {
  kind: 'topic';
  name: string;
  starredAt: number;
  status: StarredStatus;
  reason?: string;
  type?: TopicType;
  messages?: number;
  lastUpdateTimestamp?: number;
  statsPartial?: boolean;
  /** Groups consuming it in the lag snapshot, their lag on its queues and the oldest unconsumed message's age. */
  groups?: number;
  lag?: number;
  lagAgeMs?: number;
  alerts: StarredAlert[];
}

export interface StarredInputs {
  favourites: FavouriteRecord[];
  /** Undefined with `lagUnknown` saying why (the first snapshot is still being built, or failed). */
  snapshot?: LagSnapshot;
  lagUnknown?: string;
  /** Where the reasons' catalog sentences are kept, so the page can say them in its language. */
  said: Sentences;
  /** The topics list's rows of the starred topics; undefined with `topicsUnknown` when the catalog failed. */
  topics?: Map<string, TopicListItem>;
  topicsUnknown?: string;
  alerts: AlertView[];
  /** Starred groups not in the snapshot that still exist (their %RETRY% topic does). */
  groupsKnownElsewhere: ReadonlySet<string>;
}

export function starredAlerts(alerts: readonly AlertView[], subjects: ReadonlySet<string>): StarredAlert[] {
  return alerts.flatMap((a): StarredAlert[] =>
    a.phase === 'resolved' || !subjects.has(a.subject)
      ? []
      : [{ ruleId: a.ruleId, ruleName: a.ruleName, severity: a.severity, kind: a.kind, subject: a.subject, phase: a.phase, activeAt: a.activeAt, ...(a.firedAt !== undefined ? { firedAt: a.firedAt } : {}), value: a.value, silenced: a.silencedBy !== undefined }],
  );
}

export function starredGroup(f: FavouriteRecord, input: StarredInputs): StarredGroup {
  const base = { kind: 'group' as const, name: f.name, starredAt: f.createdAt, alerts: starredAlerts(input.alerts, new Set([f.name])) };
  const snapshot = input.snapshot;
  if (!snapshot) return { ...base, status: 'unknown', reason: input.lagUnknown ?? input.said.text('status.favourites.noSnapshot') };
  const g = snapshot.groups.find((x) => x.group === f.name);
  if (!g) {
    return input.groupsKnownElsewhere.has(f.name)
      ? { ...base, status: 'unknown', reason: input.said.text('status.favourites.notInSnapshot') }
      : { ...base, status: 'missing', reason: input.said.text('status.favourites.groupGone') };
  }
  return {
    ...base,
    status: 'found',
    lag: g.lag,
    ...(g.oldestUnconsumedTimestamp !== undefined ? { lagAgeMs: snapshot.asOf - g.oldestUnconsumedTimestamp, oldestUnconsumedTimestamp: g.oldestUnconsumedTimestamp } : {}),
    clients: g.clients,
    consumeTps: g.consumeTps,
    topics: g.topics,
    ...(g.failures?.length ? { partial: true, reason: input.said.text('status.favourites.noAnswer', { brokers: g.failures.map((x) => x.brokerName).join(', ') }) } : {}),
  };
}

export function starredTopic(f: FavouriteRecord, input: StarredInputs): StarredTopic {
  const consumers = input.snapshot?.groups.filter((g) => g.topics.includes(f.name)) ?? [];
  const base = { kind: 'topic' as const, name: f.name, starredAt: f.createdAt, alerts: starredAlerts(input.alerts, new Set(consumers.map((g) => g.group))) };
  if (!input.topics) return { ...base, status: 'unknown', reason: input.topicsUnknown ?? input.said.text('status.favourites.topicsUnread') };
  const row = input.topics.get(f.name);
  if (!row) return { ...base, status: 'missing', reason: input.said.text('status.favourites.topicGone') };
  return {
    ...base,
    status: 'found',
    type: row.type,
    ...(row.messages !== undefined ? { messages: row.messages } : {}),
    ...(row.lastUpdateTimestamp !== undefined ? { lastUpdateTimestamp: row.lastUpdateTimestamp } : {}),
    ...(row.statsPartial ? { statsPartial: true } : {}),
    ...(input.snapshot ? topicLag(f.name, consumers, input.snapshot.asOf) : { reason: input.lagUnknown ?? input.said.text('status.favourites.noSnapshot') }),
  };
}

// the consuming groups' lag on this topic's queues only (a group's total spans all the topics it consumes)
function topicLag(topic: string, consumers: GroupSnapshot[], asOf: number): Pick<StarredTopic, 'groups' | 'lag' | 'lagAgeMs'> {
  let lag = 0;
  let oldest: number | undefined;
  for (const g of consumers) {
    for (const q of g.queues) {
      if (q.topic !== topic) continue;
      lag += q.lag;
      if (q.oldestUnconsumedTimestamp !== undefined && (oldest === undefined || q.oldestUnconsumedTimestamp < oldest)) oldest = q.oldestUnconsumedTimestamp;
    }
  }
  return { groups: consumers.length, lag, ...(oldest !== undefined ? { lagAgeMs: asOf - oldest } : {}) };
}
