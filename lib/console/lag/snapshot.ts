import { missingText } from '../core/routes';
import { isRemotingError } from '../../remoting';
import { getAllSubscriptionGroupConfig, type SubscriptionGroupConfig } from '../../rocketmq/get-all-subscriptiongroup-config';
import { getAllConsumerOffset } from '../../rocketmq/get-all-consumer-offset';
import { getConsumeStats, type ConsumeStats } from '../../rocketmq/get-consume-stats';
import { getTopicStatsInfo, type QueueStats } from '../../rocketmq/get-topic-stats-info';
import { getConsumerConnectionList, type ConsumerConnection } from '../../rocketmq/get-consumer-connection-list';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { versionDesc } from '../../rocketmq/mq-version';
import type { AdminClient, BrokerNode } from '../core/admin';
import { failureOf, fanOut, type BrokerFailure } from '../core/fanout';
import { isSystemGroup } from '../core/names';
import { forEachPerKey } from '../core/per-key';
import { queueKey } from '../core/routes';
import { MasterQueues, rowsOf, type GroupRows } from './master-queues';
import { PackArena, PackedQueues } from './packed-queues';
import { StoreTimeCache } from './store-times';
import type { Drain, GroupConfig, GroupSnapshot, LagSnapshot, QueueLag, SnapshotProgress } from './types';

export interface SnapshotOptions {
  /** Requests in flight per broker (pipelined on its one socket). */
  concurrencyPerBroker: number;
  /** Skip reading lag in time (QUERY_CONSUME_TIME_SPAN); the bench measures it separately. */
  skipAges?: boolean;
}

/** Called as the build advances (often: the receiver throttles). */
export type ProgressListener = (progress: SnapshotProgress) => void;

/** State a snapshot builder carries from one run to the next. */
export interface SnapshotMemory {
  storeTimes: StoreTimeCache;
  /** messageModel of groups seen online, so an offline group still says what it is. */
  lastModel: Map<string, string>;
  /** What the next build compares with (drain rates): the previous snapshot's time and each group's queues. */
  previous?: PreviousSnapshot;
  /** Queues of online groups that have lag and whose consumer offset has not moved since `since` (see stallKey). */
  stalls: Map<string, QueueStall>;
}

/** The part of a snapshot the next build reads; a whole LagSnapshot is one. */
export interface PreviousSnapshot {
  asOf: number;
  groups: ReadonlyArray<Pick<GroupSnapshot, 'group' | 'queues'>>;
}

/**
 * What a builder that hands its snapshot away (the snapshot thread) keeps of it: each group's name and packed queues,
 * not its configs, clients and failures (at 50,000 groups the whole snapshot is 89 MB of heap besides its queues).
 */
export function previousOf(snapshot: LagSnapshot): PreviousSnapshot {
  return { asOf: snapshot.asOf, groups: snapshot.groups.map((g) => ({ group: g.group, queues: g.queues })) };
}

/** A queue with messages to consume whose consumer offset stood still from one snapshot to the next. */
export interface QueueStall {
  consumerOffset: number;
  /** Start of the first snapshot that saw the offset at this value with lag behind it. */
  since: number;
  /** The lag then: a lag that grew since, with the offset still, is a stuck queue. */
  lagAtSince: number;
}

export function stallKey(group: string, q: { topic: string; brokerName: string; queueId: number }): string {
  return `${group}\u0001${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`;
}

export function newSnapshotMemory(): SnapshotMemory {
  return { storeTimes: new StoreTimeCache(), lastModel: new Map(), stalls: new Map() };
}

/** Only online groups' queues with lag are kept, so the map holds what is waiting now, not every offline backlog. */
function trackStalls(stalls: Map<string, QueueStall>, before: Map<string, QueueStall>, group: string, queues: QueueLag[], at: number): void {
  for (const q of queues) {
    if (q.lag <= 0) continue;
    const key = stallKey(group, q);
    const known = before.get(key);
    stalls.set(key, known && known.consumerOffset === q.consumerOffset ? known : { consumerOffset: q.consumerOffset, since: at, lagAtSince: q.lag });
  }
}

/**
 * Every group on every master with its lag per queue, online clients and lag in time: the data the group list
 * sorts and pages on. Calls run with bounded concurrency per broker; a broker that fails at the transport level
 * is not called again in this run, and the groups it held are marked partial.
 */
export async function buildLagSnapshot(admin: AdminClient, memory: SnapshotMemory, options: SnapshotOptions, onProgress: ProgressListener = () => undefined): Promise<LagSnapshot> {
  const started = Date.now();
  const progress = (phase: SnapshotProgress['phase'], done: number, total: number, groupCount?: number) => onProgress({ phase, done, total, groups: groupCount, startedAt: started });
  const timeout = admin.config.requestTimeoutMs;
  const masters = await admin.readableBrokers();
  const down = new Map<string, BrokerFailure>();
  // a broker group with no node registered now (the namesrv forgot it when its connection dropped): its groups'
  // lag is missing from this snapshot, and the list says which broker is gone rather than looking complete
  const failures: BrokerFailure[] = (await admin.missingBrokers())
    .filter(({ node }) => node.brokerId === 0 && !masters.some((m) => m.brokerName === node.brokerName))
    .map(({ node, lastSeen }) => ({ brokerName: node.brokerName, addr: node.addr, error: `${node.brokerName} (${node.addr}) ${missingText(lastSeen)}: the lag of its groups is not in this snapshot` }));

  // 1. which groups exist where
  let configsDone = 0;
  progress('configs', 0, masters.length);
  const configs = await fanOut(
    masters,
    (m) =>
      getAllSubscriptionGroupConfig(admin, m.addr, Math.max(timeout, 10_000)).finally(() => progress('configs', ++configsDone, masters.length)),
    Math.max(admin.config.fanOutDeadlineMs, 15_000),
  );
  for (const f of configs.failures) {
    down.set(f.target.addr, f.failure);
    failures.push(f.failure);
  }
  const groups = new Map<string, { brokers: BrokerNode[]; configs: SubscriptionGroupConfig[] }>();
  for (const { target, value } of configs.results) {
    for (const [name, config] of value) {
      const entry = groups.get(name) ?? { brokers: [], configs: [] };
      entry.brokers.push(target);
      entry.configs.push(config);
      groups.set(name, entry);
    }
  }
  const configsMs = Date.now() - started;
  let offsetsDone = 0;
  progress('offsets', 0, masters.length, groups.size);

  // guarded call: a broker that failed at the transport level is skipped for the rest of the run
  const guarded = async <T>(node: BrokerNode, fn: () => Promise<T>): Promise<T> => {
    const known = down.get(node.addr);
    if (known) throw known;
    try {
      return await fn();
    } catch (error) {
      if (isRemotingError(error) && error.kind !== 'response') {
        const failure = failureOf(node, error);
        if (!down.has(node.addr)) {
          down.set(node.addr, failure);
          failures.push(failure);
        }
        throw failure;
      }
      throw error;
    }
  };
  // thousands of calls per broker: a few workers per broker, not one pending promise per call
  const perBroker = <T>(items: Iterable<T>, nodeOf: (item: T) => BrokerNode, fn: (item: T, node: BrokerNode) => Promise<void>) =>
    forEachPerKey(items, (item) => nodeOf(item).addr, options.concurrencyPerBroker, (item) => fn(item, nodeOf(item)));

  // 2. every committed offset of each master in one call (GET_CONSUME_STATS per group would make the broker scan
  //    its whole offset table once per group), the queues of each topic involved, and who is online
  const statsStart = Date.now();
  const groupFailures = new Map<string, BrokerFailure[]>();
  const noteFailure = (group: string, node: BrokerNode, error: unknown) => {
    const failure = isBrokerFailure(error) ? error : failureOf(node, error);
    const list = groupFailures.get(group) ?? [];
    list.push(failure);
    groupFailures.set(group, list);
  };
  const topicQueues = new Map<string, QueueStats[] | null>(); // addr + topic -> queues (null: not on that broker)
  // group -> per master holding it, the rows of the queues GET_CONSUME_STATS would report there: every queue of each
  // topic the group has offsets for (a missing offset counts as 0). Written as soon as a master's offset table is in,
  // so the table (49 MB decoded per master at 50,000 groups) is not kept through the rest of the run
  const perGroupBroker = new Map<string, GroupRows[]>();
  await Promise.all(
    masters.map(async (node) => {
      const table = await guarded(node, () => getAllConsumerOffset(admin, node.addr, Math.max(timeout, 10_000))).catch(() => undefined);
      if (!table) return;
      const topics = new Set<string>();
      for (const [group, byTopic] of table.byGroup) if (groups.has(group)) for (const topic of byTopic.keys()) topics.add(topic);
      await perBroker(topics, () => node, (topic) =>
        guarded(node, () => getTopicStatsInfo(admin, node.addr, topic, timeout)).then(
          (queues) => void topicQueues.set(`${node.addr}\u0001${topic}`, queues),
          // a topic the broker no longer holds (code 17) has no queues there, as GET_CONSUME_STATS skips it
          () => void topicQueues.set(`${node.addr}\u0001${topic}`, null),
        ),
      );
      const rows = new MasterQueues(node);
      for (const [group, entry] of groups) {
        if (!entry.brokers.some((b) => b.addr === node.addr)) continue;
        const start = rows.length;
        for (const [topic, offsets] of table.byGroup.get(group) ?? []) {
          for (const q of topicQueues.get(`${node.addr}\u0001${topic}`) ?? []) {
            rows.add(intern(topic), q.queueId, Math.max(0, q.maxOffset), Math.max(0, offsets.get(q.queueId) ?? 0));
          }
        }
        const list = perGroupBroker.get(group);
        const held = { rows, start, end: rows.length };
        if (list) list.push(held);
        else perGroupBroker.set(group, [held]);
      }
      progress('offsets', ++offsetsDone, masters.length, groups.size);
    }),
  );
  const statsMs = Date.now() - statsStart;

  const connectionsStart = Date.now();
  const connections = new Map<string, ConsumerConnection | undefined>();
  // clients heartbeat to every broker they consume from; one master that holds the group is enough (as mqadmin)
  const askedFor = new Map([...groups].map(([group, entry]) => [group, entry.brokers.find((b) => !down.has(b.addr)) ?? entry.brokers[0]!]));
  let connectionsDone = 0;
  progress('connections', 0, groups.size, groups.size);
  await perBroker(askedFor.keys(), (group) => askedFor.get(group)!, (group, asked) =>
    guarded(asked, () => getConsumerConnectionList(admin, asked.addr, group, timeout))
      .then(
        (value) => void connections.set(group, value),
        (error: unknown) => noteFailure(group, asked, error),
      )
      .finally(() => progress('connections', ++connectionsDone, groups.size, groups.size)),
  );
  // consume TPS and in-flight counts come from the brokers' own stats: asked only for groups with clients online,
  // one call per topic the group has offsets for there. Without a topic the broker scans its whole offset table for
  // the group's topics: 90 ms a call at 50,000 groups (150,000 topic@group keys), 5 ms with one
  // minus topics the online clients do not subscribe to
  const subscribedOf = new Map<string, Set<string>>();
  for (const group of perGroupBroker.keys()) {
    const subscribed = connections.get(group)?.subscriptions;
    if (subscribed && subscribed.length > 0) subscribedOf.set(group, new Set(subscribed.map((sub) => sub.topic)));
  }
  const live = new Map<string, Array<{ node: BrokerNode; stats: ConsumeStats }>>();
  const online = [...groups].flatMap(([group, entry]) => {
    if ((connections.get(group)?.connections.length ?? 0) === 0) return [];
    return entry.brokers.flatMap((node) => topicsHeld(perGroupBroker.get(group), node, subscribedOf.get(group)).map((topic) => ({ group, node, topic })));
  });
  await perBroker(online, (item) => item.node, ({ group, topic }, node) =>
    guarded(node, () => getConsumeStats(admin, node.addr, group, topic, timeout)).then(
      (stats) => {
        const list = live.get(group) ?? [];
        const known = list.find((l) => l.node.addr === node.addr);
        if (!known) return void live.set(group, [...list, { node, stats }]);
        known.stats.consumeTps += stats.consumeTps;
        known.stats.queues.push(...stats.queues);
      },
      (error: unknown) => noteFailure(group, node, error),
    ),
  );
  const connectionsMs = Date.now() - connectionsStart;

  // in flight from the brokers' stats
  for (const [group, onBrokers] of perGroupBroker) {
    for (const entry of onBrokers) {
      const pulled = live.get(group)?.find((l) => l.node.addr === entry.rows.node.addr)?.stats.queues;
      if (!pulled) continue;
      for (const i of rowsOf(entry, subscribedOf.get(group))) {
        const topic = entry.rows.topic(i);
        const queueId = entry.rows.queueId(i);
        const pull = pulled.find((p) => p.topic === topic && p.queueId === queueId)?.pullOffset;
        if (pull !== undefined) entry.rows.setInflight(i, pull - entry.rows.consumerOffset(i));
      }
    }
  }
  for (const [group, entry] of groups) {
    for (const node of entry.brokers) {
      const failure = down.get(node.addr);
      if (failure && !groupFailures.get(group)?.includes(failure)) noteFailure(group, node, failure);
    }
  }

  // 3. lag in time: store time of the message at each lagging queue's consumer offset
  const agesStart = Date.now();
  if (!options.skipAges) {
    // found once: counted for the progress, then read (only lagging group-masters, each with its lagging rows)
    const lagging: Array<{ group: string; node: BrokerNode; entry: GroupRows; rows: number[] }> = [];
    for (const [group, onBrokers] of perGroupBroker) {
      for (const entry of onBrokers) {
        const rows = [...rowsOf(entry, subscribedOf.get(group))].filter((i) => entry.rows.lag(i) > 0);
        if (rows.length > 0) lagging.push({ group, node: entry.rows.node, entry, rows });
      }
    }
    const agesTotal = lagging.length;
    let agesDone = 0;
    progress('ages', 0, agesTotal, groups.size);
    await perBroker(lagging, (item) => item.node, async ({ group, entry, rows }, node) => {
      const byTopic = new Map<string, Array<{ queueId: number; consumerOffset: number }>>();
      for (const i of rows) {
        const topic = entry.rows.topic(i);
        const list = byTopic.get(topic) ?? [];
        list.push({ queueId: entry.rows.queueId(i), consumerOffset: entry.rows.consumerOffset(i) });
        byTopic.set(topic, list);
      }
      // a group's topics one after the other: the other workers keep the broker busy
      for (const [topic, queuesOfTopic] of byTopic) {
        await guarded(node, () => memory.storeTimes.resolve(admin, node.addr, node.brokerName, group, topic, queuesOfTopic)).catch(() => undefined);
      }
      progress('ages', ++agesDone, agesTotal, groups.size);
    });
  }
  const agesMs = Date.now() - agesStart;
  progress('assembling', 0, groups.size, groups.size);

  const previous = new Map((memory.previous?.groups ?? []).map((g) => [g.group, g]));
  const elapsedSincePrevious = memory.previous ? (started - memory.previous.asOf) / 1000 : 0;
  const result: GroupSnapshot[] = [];
  const stalls = new Map<string, QueueStall>();
  const arena = new PackArena();
  for (const [group, entry] of groups) {
    const connection = connections.get(group);
    if (connection?.messageModel) memory.lastModel.set(group, connection.messageModel);
    const queues = queuesOf(perGroupBroker.get(group) ?? [], subscribedOf.get(group), memory.storeTimes).sort(compareMessageQueues);
    const before = previous.get(group);
    const drain = before && elapsedSincePrevious > 0 ? drainOf(queues, before.queues, elapsedSincePrevious) : undefined;
    const oldest = Math.min(...queues.map((q) => q.oldestUnconsumedTimestamp ?? Number.POSITIVE_INFINITY));
    const clients = connection?.connections ?? [];
    const minVersion = clients.length > 0 ? Math.min(...clients.map((c) => c.version)) : undefined;
    const inflight = queues.some((q) => q.inflight !== undefined) ? queues.reduce((n, q) => n + (q.inflight ?? 0), 0) : undefined;
    if (clients.length > 0) trackStalls(stalls, memory.stalls, group, queues, started);
    result.push({
      group,
      brokers: entry.brokers.map((b) => b.brokerName).sort(),
      system: isSystemGroup(group),
      orderly: entry.configs.some((c) => c.consumeMessageOrderly),
      clients: clients.length,
      version: minVersion === undefined ? undefined : versionDesc(minVersion),
      consumeType: connection?.consumeType,
      messageModel: connection?.messageModel ?? memory.lastModel.get(group),
      lag: queues.reduce((n, q) => n + q.lag, 0),
      inflight,
      consumeTps: (live.get(group) ?? []).reduce((n, s) => n + s.stats.consumeTps, 0),
      oldestUnconsumedTimestamp: Number.isFinite(oldest) ? oldest : undefined,
      drain,
      topics: [...new Set(queues.map((q) => q.topic))].sort(),
      queues: PackedQueues.pack(queues, arena),
      failures: groupFailures.get(group),
    });
  }
  result.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  memory.stalls = stalls;
  const configsByGroup = sharedConfigs(groups);
  return {
    asOf: started,
    durationMs: Date.now() - started,
    groups: result,
    failures,
    timings: { configsMs, statsMs, connectionsMs, agesMs },
    configs: configsByGroup,
  };
}

/**
 * Each group's configs per broker, one object for all groups whose configs are the same: at 50,000 groups they were
 * 100,000 objects of about 400 bytes, mostly equal but for the name, kept and sent across threads with each snapshot.
 */
function sharedConfigs(groups: Map<string, { brokers: BrokerNode[]; configs: SubscriptionGroupConfig[] }>): LagSnapshot['configs'] {
  const configs = new Map<string, GroupConfig>();
  const lists = new Map<string, Array<{ brokerName: string; config: GroupConfig }>>();
  const out: LagSnapshot['configs'] = new Map();
  for (const [name, { brokers, configs: perBroker }] of groups) {
    const keys: string[] = [];
    const list = brokers.map((b, i) => {
      const { groupName: _name, ...config } = perBroker[i]!;
      const key = JSON.stringify(config);
      keys.push(`${b.brokerName}\u0001${key}`);
      const known = configs.get(key);
      if (!known) configs.set(key, config);
      return { brokerName: b.brokerName, config: known ?? config };
    });
    const listKey = keys.join('\u0002');
    const knownList = lists.get(listKey);
    if (!knownList) lists.set(listKey, list);
    out.set(name, knownList ?? list);
  }
  return out;
}

// topic and broker names repeat across thousands of groups: one string each keeps the snapshot small
const interned = new Map<string, string>();
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size > 100_000) interned.clear();
  interned.set(s, s);
  return s;
}

function isBrokerFailure(value: unknown): value is BrokerFailure {
  return typeof value === 'object' && value !== null && 'brokerName' in value && 'addr' in value && 'error' in value;
}

/** Consumed and produced rates over the interval, per queue and for the group, and when the backlog would be gone. */
export function drainOf(queues: QueueLag[], previous: QueueLag[] | PackedQueues, seconds: number): Drain {
  const offsetsBefore = previousLookup(queues, previous);
  let consumed = 0;
  let produced = 0;
  for (const [i, q] of queues.entries()) {
    const p = offsetsBefore(q, i);
    if (!p) continue;
    // a reset moves offsets backwards; count only forward movement as consumption
    const c = Math.max(0, q.consumerOffset - p.consumerOffset);
    const w = Math.max(0, q.brokerOffset - p.brokerOffset);
    q.drainRate = (c - w) / seconds;
    consumed += c;
    produced += w;
  }
  const consumeRate = consumed / seconds;
  const produceRate = produced / seconds;
  const lag = queues.reduce((n, q) => n + q.lag, 0);
  const net = consumeRate - produceRate;
  let trend: Drain['trend'] = 'steady';
  if (consumed === 0 && produced === 0) trend = 'idle';
  else if (net > 0) trend = 'draining';
  else if (net < 0) trend = 'growing';
  return { consumeRate, produceRate, trend, etaMs: lag > 0 && net > 0 ? (lag / net) * 1000 : lag === 0 ? 0 : undefined };
}

/**
 * Each queue's offsets in the previous snapshot. A group's queues are mostly the same, in the same order, from one
 * snapshot to the next: then they are read by position from the packed values, with no object or key per queue
 * (at 50,000 groups a key and an object per queue made the warm build 5 s slower than the cold one, mostly in GC).
 */
function previousLookup(queues: QueueLag[], previous: QueueLag[] | PackedQueues): (q: QueueLag, i: number) => { brokerOffset: number; consumerOffset: number } | undefined {
  if (previous instanceof PackedQueues && previous.length === queues.length && queues.every((q, i) => previous.isQueueAt(i, q))) {
    return (_q, i) => previous.offsetsAt(i);
  }
  const before = new Map((previous instanceof PackedQueues ? previous.toArray() : previous).map((q) => [queueKey(q), q]));
  return (q) => before.get(queueKey(q));
}

/** The topics a group has offsets for on one master (its queues there, from the master's offset table). */
function topicsHeld(onBrokers: GroupRows[] | undefined, node: BrokerNode, subscribed: ReadonlySet<string> | undefined): string[] {
  const entry = onBrokers?.find((e) => e.rows.node.addr === node.addr);
  if (!entry) return [];
  const topics = new Set<string>();
  for (const i of rowsOf(entry, subscribed)) topics.add(entry.rows.topic(i));
  return [...topics];
}

/** One group's queues on every master as QueueLags: made per group while assembling, so they die young. */
function queuesOf(onBrokers: GroupRows[], subscribed: ReadonlySet<string> | undefined, storeTimes: StoreTimeCache): QueueLag[] {
  const out: QueueLag[] = [];
  for (const entry of onBrokers) {
    const { rows } = entry;
    const brokerName = intern(rows.node.brokerName);
    for (const i of rowsOf(entry, subscribed)) {
      const topic = rows.topic(i);
      const queueId = rows.queueId(i);
      const consumerOffset = rows.consumerOffset(i);
      const lag = rows.lag(i);
      out.push({
        topic,
        brokerName,
        queueId,
        brokerOffset: rows.brokerOffset(i),
        consumerOffset,
        lag,
        inflight: rows.inflight(i),
        lastTimestamp: 0,
        oldestUnconsumedTimestamp: lag > 0 ? storeTimes.get(brokerName, topic, queueId, consumerOffset) : undefined,
        drainRate: undefined,
      });
    }
  }
  return out;
}
