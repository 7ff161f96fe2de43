/**
 * Why a group lags, from facts gathered once (facts.ts): each rule looks at one kind of evidence and either names a
 * cause with that evidence, or says it could not look (a client or a broker did not answer). Pure, so every rule is
 * tested on facts built by hand as well as on the real demo of its cause (diagnosis.live.test.ts).
 */
import type { ConsumerRunningInfo } from '../../../rocketmq/get-consumer-running-info';
import type { Drain } from '../../lag/types';
import { SEVERITY_RANK, type AlertSeverity } from '../../alerts/rules';
import { say, type Say, type SayKey } from '../../core/say';

export const CAUSE_KINDS = [
  'no-client',
  'consume-disabled',
  'consume-failures',
  'slow-consumption',
  'pool-saturated',
  'orderly-stuck',
  'idle-clients',
  'subscription-mismatch',
  'broker-not-writable',
  'replica-behind',
] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

export interface Evidence {
  label: string;
  value: string;
  /** A client, queue or broker the figure is about. */
  subject?: string;
  /** The label and the value as catalog sentences, where they are words rather than names and numbers. */
  labelSay?: Say;
  valueSay?: Say;
}

export interface Cause {
  kind: CauseKind;
  severity: AlertSeverity;
  title: string;
  titleSay: Say;
  evidence: Evidence[];
  /** Clients the cause names (idle ones, ones that differ, ones failing). */
  clients?: string[];
  /** The topic a 'topic' link goes to. */
  topic?: string;
  /** Where on the group page (or which page) the evidence is shown in full. */
  link: 'clients' | 'connections' | 'progress' | 'config' | 'dead-letters' | 'ordered' | 'topic' | 'ha';
}

export interface ClientFacts {
  clientId: string;
  info?: ConsumerRunningInfo;
  /** Consume threads from the client's thread dump; absent when it sent none. */
  consumeThreads?: { total: number; busy: number };
  error?: string;
}

export interface StalledQueue {
  topic: string;
  brokerName: string;
  queueId: number;
  lag: number;
  stalledSince: number;
  lockedBy: string[];
}

export interface GroupFacts {
  group: string;
  /** Total lag from the lag snapshot; undefined when no snapshot has the group. */
  lag?: number;
  drain?: Drain;
  messageModel?: string;
  /** Online clients; undefined when no master could be asked. */
  clients?: ClientFacts[];
  queueCount: number;
  configs: Array<{ brokerName: string; consumeEnable: boolean }>;
  retryMessages?: number;
  dlqMessages?: number;
  /** Orderly queues with lag whose consumer offset has not moved for the stuck threshold. */
  stalled: StalledQueue[];
  stuckAfterMs: number;
  /** Subscribed topics' queue data per broker (perm bits: 4 read, 2 write). */
  routes: Array<{ topic: string; brokerName: string; perm: number }>;
  /**
   * The broker groups holding the subscribed topics: a master that is down, and each slave's gap (bytes, and the age
   * of the oldest message it lacks); undefined when the HA figures could not be read.
   */
  replicas?: Array<{ brokerName: string; masterDown: boolean; slaves: Array<{ brokerId: number; behindBytes?: number; behindMs?: number; error?: string }> }>;
  now: number;
}

/** A slave this far behind serves pulls the master redirects to it late (and a failover would lose the gap). */
export const REPLICA_BEHIND_MS = 10_000;
export const REPLICA_BEHIND_BYTES = 64 * 1024 * 1024;

export interface RuleOutcome {
  causes: Cause[];
  /** Checks that could not be made, and why. */
  unknown: Array<{ kind: CauseKind; reason: string; reasonSay?: Say }>;
}

type Unknown = { unknown: string; reasonSay?: Say };
type Rule = (f: GroupFacts) => Cause | Unknown | undefined;

const title = (key: SayKey, values?: Say['values']) => {
  const s = say(key, values);
  return { title: s.text, titleSay: s.say };
};
const unknown = (key: SayKey, values?: Say['values']): Unknown => {
  const s = say(key, values);
  return { unknown: s.text, reasonSay: s.say };
};
/** A line of evidence: a label from the catalog (or a name as it is), a value that is a figure or a sentence. */
const ev = (label: SayKey | { name: string }, value: string | Say, subject?: string, labelValues?: Say['values']): Evidence => {
  const l = typeof label === 'string' ? say(label, labelValues) : { text: label.name };
  const v = typeof value === 'string' ? { text: value } : say(value.key, value.values);
  return {
    label: l.text,
    value: v.text,
    ...(subject !== undefined ? { subject } : {}),
    ...('say' in l ? { labelSay: l.say } : {}),
    ...('say' in v ? { valueSay: v.say } : {}),
  };
};
const figure = (n: number) => n.toLocaleString('en');
const rate = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)}/s`;
const answered = (f: GroupFacts) => (f.clients ?? []).filter((c): c is ClientFacts & { info: ConsumerRunningInfo } => c.info !== undefined);
const lagging = (f: GroupFacts) => f.lag !== undefined && f.lag > 0;
const silent = (f: GroupFacts) => (f.clients ?? []).filter((c) => c.info === undefined).map((c) => `${c.clientId}: ${c.error ?? 'no answer'}`);

const noClient: Rule = (f) => {
  if (f.clients === undefined) return unknown('diagnosis.unknown.noMaster');
  if (f.clients.length > 0) return undefined;
  if (f.lag === undefined) return unknown('diagnosis.unknown.noSnapshot');
  return {
    kind: 'no-client',
    severity: f.lag > 0 ? 'critical' : 'info',
    ...(f.lag > 0 ? title('diagnosis.titles.noClientLag', { lag: f.lag }) : title('diagnosis.titles.noClientIdle')),
    evidence: [ev('diagnosis.labels.onlineClients', '0'), ev('diagnosis.labels.lag', figure(f.lag))],
    link: 'connections',
  };
};

const consumeDisabled: Rule = (f) => {
  const off = f.configs.filter((c) => !c.consumeEnable);
  if (off.length === 0) return undefined;
  return {
    kind: 'consume-disabled',
    severity: 'critical',
    ...title('diagnosis.titles.consumeDisabled', { brokers: off.map((c) => c.brokerName).join(', ') }),
    evidence: off.map((c) => ev({ name: 'consumeEnable' }, 'false', c.brokerName)),
    link: 'config',
  };
};

const consumeFailures: Rule = (f) => {
  const clients = answered(f);
  if (clients.length === 0) return f.clients && f.clients.length > 0 ? unknown('diagnosis.unknown.noClientAnswered', { errors: silent(f).join('; ') }) : undefined;
  const failing = clients
    .map((c) => ({
      clientId: c.clientId,
      failedTps: c.info.status.reduce((n, s) => n + s.consumeFailedTPS, 0),
      failedLastHour: c.info.status.reduce((n, s) => n + s.consumeFailedMsgs, 0),
    }))
    .filter((c) => c.failedTps > 0 || c.failedLastHour > 0);
  if (failing.length === 0) return undefined;
  const evidence: Evidence[] = failing.flatMap((c) => [ev('diagnosis.labels.failedLastHour', figure(c.failedLastHour), c.clientId), ev('diagnosis.labels.failedTps', rate(c.failedTps), c.clientId)]);
  const hourly = failing.reduce((n, c) => n + c.failedLastHour, 0);
  if (f.retryMessages !== undefined) evidence.push(ev('diagnosis.labels.retryMessages', figure(f.retryMessages)));
  if (f.dlqMessages !== undefined) evidence.push(ev('diagnosis.labels.dlqMessages', figure(f.dlqMessages)));
  return {
    kind: 'consume-failures',
    severity: failing.some((c) => c.failedTps > 0) ? 'critical' : 'warning',
    // the client's hour figure is sampled every 10 minutes, its TPS every 10 s: a fresh failure shows in the TPS first
    ...(hourly > 0 ? title('diagnosis.titles.consumeFailuresHour', { failed: hourly }) : title('diagnosis.titles.consumeFailuresRate', { rate: rate(failing.reduce((n, c) => n + c.failedTps, 0)) })),
    evidence,
    clients: failing.map((c) => c.clientId),
    link: 'dead-letters',
  };
};

const slowConsumption: Rule = (f) => {
  if (!lagging(f) || answered(f).length === 0) return undefined;
  if (f.drain === undefined) return unknown('diagnosis.unknown.needsTwoSnapshots');
  const { consumeRate, produceRate, trend } = f.drain;
  if (trend !== 'growing' && !(trend === 'steady' && consumeRate > 0)) return undefined;
  const rt = answered(f).flatMap((c) => c.info.status.map((s) => ({ clientId: c.clientId, topic: s.topic, consumeRT: s.consumeRT, okTps: s.consumeOKTPS })));
  return {
    kind: 'slow-consumption',
    severity: 'warning',
    ...title('diagnosis.titles.slowConsumption', { consumed: rate(consumeRate), arriving: rate(produceRate) }),
    evidence: [
      ev('diagnosis.labels.consumed', rate(consumeRate)),
      ev('diagnosis.labels.arriving', rate(produceRate)),
      ...rt.filter((r) => r.consumeRT > 0 || r.okTps > 0).map((r) => ev('diagnosis.labels.consumeRt', { key: 'diagnosis.values.msPerMessage', values: { ms: r.consumeRT.toFixed(0) } }, r.clientId, { topic: r.topic })),
    ],
    link: 'clients',
  };
};

const poolSaturated: Rule = (f) => {
  const clients = answered(f);
  if (clients.length === 0) return undefined;
  const dumped = clients.filter((c) => c.consumeThreads !== undefined);
  if (dumped.length === 0) return unknown('diagnosis.unknown.noThreadDump');
  const full = dumped.filter((c) => c.consumeThreads!.total > 0 && c.consumeThreads!.busy >= c.consumeThreads!.total);
  if (full.length === 0) return undefined;
  return {
    kind: 'pool-saturated',
    severity: lagging(f) ? 'critical' : 'warning',
    ...title('diagnosis.titles.poolSaturated', { clients: full.length }),
    evidence: full.flatMap((c) => {
      const cached = c.info.queues.reduce((n, q) => n + q.cachedMsgCount, 0);
      const max = c.info.properties.consumeThreadMax;
      const threads = { busy: c.consumeThreads!.busy, total: c.consumeThreads!.total };
      return [
        ev('diagnosis.labels.busyThreads', max ? { key: 'diagnosis.values.busyOfMax', values: { ...threads, max } } : { key: 'diagnosis.values.busyOf', values: threads }, c.clientId),
        ev('diagnosis.labels.cachedMessages', figure(cached), c.clientId),
      ];
    }),
    clients: full.map((c) => c.clientId),
    link: 'clients',
  };
};

const orderlyStuck: Rule = (f) => {
  const stuck = f.stalled.filter((q) => f.now - q.stalledSince >= f.stuckAfterMs);
  if (stuck.length === 0) return undefined;
  return {
    kind: 'orderly-stuck',
    severity: 'critical',
    ...title('diagnosis.titles.orderlyStuck', { queues: stuck.length }),
    evidence: stuck.map((q) => {
      const still = { lag: q.lag, seconds: Math.round((f.now - q.stalledSince) / 1000) };
      const value: Say = q.lockedBy.length > 0 ? { key: 'diagnosis.values.stalled', values: { ...still, clients: q.lockedBy.join(', ') } } : { key: 'diagnosis.values.stalledNoClient', values: still };
      return ev({ name: `${q.topic} ${q.brokerName}/${q.queueId}` }, value, q.lockedBy[0]);
    }),
    clients: [...new Set(stuck.flatMap((q) => q.lockedBy))],
    link: 'ordered',
  };
};

const idleClients: Rule = (f) => {
  if (f.messageModel === 'BROADCASTING') return undefined;
  const clients = answered(f);
  if (clients.length < 2) return undefined;
  const idle = clients.filter((c) => !c.info.queues.some((q) => !q.topic.startsWith('%RETRY%')));
  if (idle.length === 0) return undefined;
  return {
    kind: 'idle-clients',
    severity: 'info',
    ...title('diagnosis.titles.idleClients', { idle: idle.length, clients: clients.length, queues: f.queueCount }),
    evidence: idle.map((c) => ev('diagnosis.labels.queuesHeld', '0', c.clientId)),
    clients: idle.map((c) => c.clientId),
    link: 'clients',
  };
};

const NOT_SUBSCRIBED = '\u0000not subscribed';

/** A client's subscriptions keyed by topic (its own %RETRY% subscription aside: 5.x POP clients have none). */
function subscriptionsOf(info: ConsumerRunningInfo): Map<string, string> {
  return new Map(info.subscriptions.filter((s) => !s.topic.startsWith('%RETRY%')).map((s) => [s.topic, `${s.expressionType === 'SQL92' ? 'SQL92 ' : ''}${s.subString}`]));
}

const subscriptionMismatch: Rule = (f) => {
  const clients = answered(f);
  if (clients.length < 2) return undefined;
  const subs = clients.map((c) => ({ clientId: c.clientId, subs: subscriptionsOf(c.info) }));
  const topics = [...new Set(subs.flatMap((s) => [...s.subs.keys()]))].sort();
  const differing = topics.filter((t) => new Set(subs.map((s) => s.subs.get(t) ?? NOT_SUBSCRIBED)).size > 1);
  if (differing.length === 0) return undefined;
  return {
    kind: 'subscription-mismatch',
    severity: 'critical',
    ...title('diagnosis.titles.subscriptionMismatch', { topics: differing.join(', ') }),
    evidence: differing.flatMap((t) => subs.map((s) => ev({ name: t }, s.subs.get(t) ?? { key: 'diagnosis.values.notSubscribed' }, s.clientId))),
    clients: subs.map((s) => s.clientId),
    link: 'clients',
  };
};

const brokerNotWritable: Rule = (f) => {
  // the namesrv clears the write bit of a broker's queue data when the broker's permission drops it
  const closed = f.routes.filter((r) => (r.perm & 2) === 0);
  if (closed.length === 0) return undefined;
  return {
    kind: 'broker-not-writable',
    severity: 'warning',
    ...title('diagnosis.titles.brokerNotWritable', { brokers: [...new Set(closed.map((r) => r.brokerName))].join(', ') }),
    evidence: closed.map((r) => ev('diagnosis.labels.perm', { key: 'diagnosis.values.noWriteBit', values: { perm: r.perm } }, r.brokerName, { topic: r.topic })),
    topic: closed[0]!.topic,
    link: 'topic',
  };
};

const replicaBehind: Rule = (f) => {
  if (f.replicas === undefined) return f.routes.length > 0 ? unknown('diagnosis.unknown.haUnread') : undefined;
  const down = f.replicas.filter((r) => r.masterDown);
  const behind = f.replicas.flatMap((r) => r.slaves.filter((s) => (s.behindMs ?? 0) >= REPLICA_BEHIND_MS || (s.behindBytes ?? 0) >= REPLICA_BEHIND_BYTES).map((s) => ({ ...s, brokerName: r.brokerName })));
  if (down.length === 0 && behind.length === 0) {
    // a slave that does not answer gives no offset to compare: its gap is unknown, not 0
    const silentSlaves = f.replicas.flatMap((r) => r.slaves.filter((s) => s.behindBytes === undefined && s.error).map((s) => `${r.brokerName} slave ${s.brokerId}: ${s.error}`));
    return silentSlaves.length > 0 ? unknown('diagnosis.unknown.silentSlaves', { errors: silentSlaves.join('; ') }) : undefined;
  }
  const mib = (b: number) => `${(b / 1024 / 1024).toFixed(b < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
  return {
    kind: 'replica-behind',
    severity: down.length > 0 ? 'critical' : 'warning',
    ...(down.length > 0 ? title('diagnosis.titles.masterDown', { brokers: down.map((r) => r.brokerName).join(', ') }) : title('diagnosis.titles.slavesBehind', { slaves: behind.length })),
    evidence: [
      ...down.map((r) => ev('diagnosis.labels.master', { key: 'diagnosis.values.masterDown' }, r.brokerName)),
      ...behind.map((s) => {
        const size = s.behindBytes === undefined ? '?' : mib(s.behindBytes);
        const value: Say = s.behindMs === undefined ? { key: 'diagnosis.values.behind', values: { size } } : { key: 'diagnosis.values.behindAge', values: { size, seconds: Math.round(s.behindMs / 1000) } };
        return ev('diagnosis.labels.slaveBehind', value, `${s.brokerName}/${s.brokerId}`, { brokerName: s.brokerName, brokerId: s.brokerId });
      }),
    ],
    link: 'ha',
  };
};

const RULES: Array<[CauseKind, Rule]> = [
  ['no-client', noClient],
  ['consume-disabled', consumeDisabled],
  ['consume-failures', consumeFailures],
  ['slow-consumption', slowConsumption],
  ['pool-saturated', poolSaturated],
  ['orderly-stuck', orderlyStuck],
  ['idle-clients', idleClients],
  ['subscription-mismatch', subscriptionMismatch],
  ['broker-not-writable', brokerNotWritable],
  ['replica-behind', replicaBehind],
];

export function diagnose(facts: GroupFacts): RuleOutcome {
  const causes: Cause[] = [];
  const unknown: RuleOutcome['unknown'] = [];
  for (const [kind, rule] of RULES) {
    const outcome = rule(facts);
    if (outcome === undefined) continue;
    if ('unknown' in outcome) unknown.push({ kind, reason: outcome.unknown, ...(outcome.reasonSay ? { reasonSay: outcome.reasonSay } : {}) });
    else causes.push(outcome);
  }
  causes.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  return { causes, unknown };
}

export type ListVerdict = 'no-client' | 'consume-disabled' | 'slow-consumption' | 'ok' | 'unknown';

/**
 * The group list's verdict column, from the lag snapshot alone (no client is asked for a page of 10,000 groups):
 * the causes the snapshot can show by the same rules as the group page; the others need the page's diagnosis.
 * "unknown" when a broker failed the group in the snapshot and nothing else was found.
 */
export function snapshotVerdict(g: { lag: number; clients: number; drain?: Drain; failures?: readonly unknown[] }, consumeEnabled: readonly boolean[]): ListVerdict {
  if (consumeEnabled.some((enabled) => !enabled)) return 'consume-disabled';
  if (g.lag > 0 && g.clients === 0) return 'no-client';
  if (g.lag > 0 && g.clients > 0 && g.drain?.trend === 'growing') return 'slow-consumption';
  return g.failures && g.failures.length > 0 ? 'unknown' : 'ok';
}

/** The list's short verdict: the worst cause's kind, "ok" when none, "unknown" when nothing could be checked. */
export function verdictOf(outcome: RuleOutcome): CauseKind | 'ok' | 'unknown' {
  if (outcome.causes.length > 0) return outcome.causes[0]!.kind;
  return outcome.unknown.some((u) => u.kind === 'no-client') ? 'unknown' : 'ok';
}
