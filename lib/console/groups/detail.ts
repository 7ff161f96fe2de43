import { RemotingResponseError } from '../../remoting';
import { ResponseCode } from '../../rocketmq/codes';
import { getConsumeStats } from '../../rocketmq/get-consume-stats';
import { getConsumerConnectionList, type ConsumerConnection } from '../../rocketmq/get-consumer-connection-list';
import { getConsumerRunningInfo, RUNNING_INFO_TIMEOUT_MS, type ConsumerRunningInfo } from '../../rocketmq/get-consumer-running-info';
import { getRouteInfoByTopic } from '../../rocketmq/get-route-info-by-topic';
import { getTopicStatsInfo, type QueueStats } from '../../rocketmq/get-topic-stats-info';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { versionDesc } from '../../rocketmq/mq-version';
import { getAdmin, type AdminClient, type BrokerNode } from '../core/admin';
import { BadInputError, NotFoundError } from '../core/errors';
import { failureOf, fanOut, type BrokerFailure } from '../core/fanout';
import { DLQ_PREFIX, groupNameProblem, RETRY_PREFIX } from '../core/names';
import { getSnapshotService, type SnapshotService } from '../lag/service';
import type { Drain, QueueLag } from '../lag/types';

export function checkGroupName(group: string): void {
  const problem = groupNameProblem(group);
  if (problem) throw new BadInputError(problem, 'group');
}

interface Ctx {
  admin: AdminClient;
  service: SnapshotService;
}

const defaultCtx = (): Ctx => ({ admin: getAdmin(), service: getSnapshotService() });

/** Masters to ask about a group, and whether the group exists at all (config, retry topic, offsets or clients). */
async function groupBrokers(group: string, ctx: Ctx): Promise<{ masters: BrokerNode[]; known: boolean }> {
  const masters = await ctx.admin.readableBrokers();
  const snapshot = ctx.service.peek();
  if (snapshot?.configs.has(group)) return { masters, known: true };
  const retryRoute = await ctx.admin
    .namesrv((ns) => getRouteInfoByTopic(ctx.admin, ns, `${RETRY_PREFIX}${group}`, ctx.admin.config.requestTimeoutMs))
    .then(() => true, (error: unknown) => {
      if (error instanceof RemotingResponseError && error.code === ResponseCode.TOPIC_NOT_EXIST) return false;
      throw error;
    });
  return { masters, known: retryRoute };
}

export interface GroupProgress {
  group: string;
  /** Drain over the last snapshot interval (needs two snapshots). */
  drain?: Drain;
  totalLag: number;
  totalInflight?: number;
  consumeTps: number;
  oldestUnconsumedTimestamp?: number;
  queues: QueueLag[];
  failures: BrokerFailure[];
  asOf: number;
}

/** Per topic, broker and queue offsets of one group, read fresh from every master (= mqadmin consumerProgress -g). */
export async function getGroupProgress(group: string, ctx: Ctx = defaultCtx()): Promise<GroupProgress> {
  checkGroupName(group);
  const asOf = Date.now();
  const { masters, known } = await groupBrokers(group, ctx);
  const { admin } = ctx;
  const { results, failures } = await fanOut(masters, (m) => getConsumeStats(admin, m.addr, group, undefined, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
  if (!known && failures.length === 0 && results.every((r) => r.value.queues.length === 0)) {
    const online = await findConnection(group, masters, admin);
    if (!online) throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  }
  // lag in time for the lagging queues, through the shared store-time cache
  await Promise.all(
    results.flatMap(({ target, value }) => {
      const byTopic = new Map<string, Array<{ queueId: number; consumerOffset: number }>>();
      for (const q of value.queues) {
        if (q.brokerOffset <= q.consumerOffset) continue;
        byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), { queueId: q.queueId, consumerOffset: q.consumerOffset }]);
      }
      return [...byTopic].map(([topic, lagging]) => ctx.service.storeTimes.resolve(admin, target.addr, target.brokerName, group, topic, lagging));
    }),
  );
  const queues: QueueLag[] = results
    .flatMap(({ target, value }) =>
      value.queues.map((q) => {
        const lag = q.brokerOffset - q.consumerOffset;
        return {
          topic: q.topic,
          brokerName: q.brokerName,
          queueId: q.queueId,
          brokerOffset: q.brokerOffset,
          consumerOffset: q.consumerOffset,
          lag,
          inflight: q.pullOffset === undefined ? undefined : q.pullOffset - q.consumerOffset,
          lastTimestamp: q.lastTimestamp,
          oldestUnconsumedTimestamp: lag > 0 ? ctx.service.storeTimes.get(target.brokerName, q.topic, q.queueId, q.consumerOffset) : undefined,
        };
      }),
    )
    .sort(compareMessageQueues);
  // rates need two reads some time apart: the background snapshot has them
  const snapshotted = ctx.service.peek()?.groups.find((g) => g.group === group);
  const rates = new Map((snapshotted?.queues.toArray() ?? []).map((q) => [`${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`, q.drainRate]));
  for (const q of queues) q.drainRate = rates.get(`${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`);
  const oldest = Math.min(...queues.map((q) => q.oldestUnconsumedTimestamp ?? Number.POSITIVE_INFINITY));
  return {
    group,
    drain: snapshotted?.drain,
    totalLag: queues.reduce((n, q) => n + q.lag, 0),
    totalInflight: queues.some((q) => q.inflight !== undefined) ? queues.reduce((n, q) => n + (q.inflight ?? 0), 0) : undefined,
    consumeTps: results.reduce((n, r) => n + r.value.consumeTps, 0),
    oldestUnconsumedTimestamp: Number.isFinite(oldest) ? oldest : undefined,
    queues,
    failures: failures.map((f) => f.failure),
    asOf,
  };
}

async function findConnection(group: string, masters: BrokerNode[], admin: AdminClient): Promise<{ node: BrokerNode; connection: ConsumerConnection } | undefined> {
  for (const node of masters) {
    try {
      const connection = await getConsumerConnectionList(admin, node.addr, group, admin.config.requestTimeoutMs);
      if (connection) return { node, connection };
    } catch {
      // this master is down; another one may know the clients
    }
  }
  return undefined;
}

export interface GroupConnections {
  group: string;
  online: boolean;
  clients: Array<{ clientId: string; clientAddr: string; language: string; version: string }>;
  subscriptions: Array<{ topic: string; expressionType: string; subString: string }>;
  consumeType?: string;
  messageModel?: string;
  consumeFromWhere?: string;
  asOf: number;
}

/** Online clients and what they subscribe to (= mqadmin consumerConnection); an offline group answers online:false. */
export async function getGroupConnections(group: string, ctx: Ctx = defaultCtx()): Promise<GroupConnections> {
  checkGroupName(group);
  const { masters, known } = await groupBrokers(group, ctx);
  const found = await findConnection(group, masters, ctx.admin);
  if (!found && !known) throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  const c = found?.connection;
  return {
    group,
    online: Boolean(c && c.connections.length > 0),
    clients: (c?.connections ?? []).map((x) => ({ clientId: x.clientId, clientAddr: x.clientAddr, language: x.language, version: versionDesc(x.version) })),
    subscriptions: (c?.subscriptions ?? []).map((s) => ({ topic: s.topic, expressionType: s.expressionType, subString: s.subString })),
    consumeType: c?.consumeType,
    messageModel: c?.messageModel ?? ctx.service.peek()?.groups.find((g) => g.group === group)?.messageModel,
    consumeFromWhere: c?.consumeFromWhere,
    asOf: Date.now(),
  };
}

export interface ClientView {
  clientId: string;
  /** Set when the client could not be asked. */
  error?: string;
  orderly?: boolean;
  messageModel?: string;
  version?: string;
  startedAt?: number;
  /** The client's own offset per queue, with the broker's max offset and the lag it implies. */
  queues: Array<{ topic: string; brokerName: string; queueId: number; clientOffset: number; brokerOffset?: number; lag?: number; cachedMsgCount: number }>;
  status: ConsumerRunningInfo['status'];
}

/**
 * What each online client reports about itself (GET_CONSUMER_RUNNING_INFO, relayed by a broker): its consume rates
 * and its own offsets. For a BROADCASTING group these are the only offsets there are.
 */
export async function getGroupClients(group: string, ctx: Ctx = defaultCtx()): Promise<{ group: string; clients: ClientView[]; failures: BrokerFailure[]; asOf: number }> {
  checkGroupName(group);
  const { masters } = await groupBrokers(group, ctx);
  const found = await findConnection(group, masters, ctx.admin);
  if (!found) return { group, clients: [], failures: [], asOf: Date.now() };
  const { admin } = ctx;
  const infos = await Promise.all(
    found.connection.connections.map(async (c) => {
      try {
        return { clientId: c.clientId, info: await getConsumerRunningInfo(admin, found.node.addr, group, c.clientId, { timeoutMs: RUNNING_INFO_TIMEOUT_MS }) };
      } catch (error) {
        return { clientId: c.clientId, error: failureOf(found.node, error).error };
      }
    }),
  );
  // broker max offsets of every topic the clients hold queues of
  const topics = [...new Set(infos.flatMap((i) => ('info' in i && i.info ? i.info.queues.map((q) => q.topic) : [])))];
  const maxOffsets = new Map<string, number>();
  const failures: BrokerFailure[] = [];
  await Promise.all(
    topics.map(async (topic) => {
      const stats = await fanOut(masters, (m) => getTopicStatsInfo(admin, m.addr, topic, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
      for (const r of stats.results) for (const q of r.value as QueueStats[]) maxOffsets.set(`${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`, q.maxOffset);
      // a master without the topic answers 17: not a failure of the page
      failures.push(...stats.failures.filter((f) => !/code 17/.test(f.failure.error)).map((f) => f.failure));
    }),
  );
  const clients: ClientView[] = infos.map((i) => {
    if (!('info' in i) || !i.info) return { clientId: i.clientId, error: 'error' in i ? i.error : undefined, queues: [], status: [] };
    const p = i.info.properties;
    return {
      clientId: i.clientId,
      orderly: p.PROP_CONSUMEORDERLY === 'true',
      messageModel: p.messageModel,
      version: p.PROP_CLIENT_VERSION,
      startedAt: Number(p.PROP_CONSUMER_START_TIMESTAMP) || undefined,
      queues: i.info.queues.map((q) => {
        const brokerOffset = maxOffsets.get(`${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`);
        return {
          topic: q.topic,
          brokerName: q.brokerName,
          queueId: q.queueId,
          clientOffset: q.commitOffset,
          brokerOffset,
          lag: brokerOffset === undefined ? undefined : Math.max(0, brokerOffset - q.commitOffset),
          cachedMsgCount: q.cachedMsgCount,
        };
      }),
      status: i.info.status,
    };
  });
  return { group, clients, failures, asOf: Date.now() };
}

export interface GroupOverview {
  group: string;
  configs: Array<{ brokerName: string; consumeEnable: boolean; consumeMessageOrderly: boolean; consumeBroadcastEnable: boolean; retryMaxTimes: number; retryQueueNums: number; brokerId: number; whichBrokerWhenConsumeSlowly: number }>;
  messageModel?: string;
  /** Messages kept in the group's retry and dead-letter topics, null when the topic does not exist. */
  retry: { topic: string; messages: number } | null;
  dlq: { topic: string; messages: number } | null;
  failures: BrokerFailure[];
  asOf: number;
}

/** The group's config per broker and its %RETRY% / %DLQ% topics with their message counts. */
export async function getGroupOverview(group: string, ctx: Ctx = defaultCtx()): Promise<GroupOverview> {
  checkGroupName(group);
  const snapshot = await ctx.service.latest();
  const configs = snapshot.configs.get(group);
  const { known } = await groupBrokers(group, ctx);
  if (!configs && !known) throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  const failures: BrokerFailure[] = [];
  const count = async (topic: string) => {
    try {
      const route = await ctx.admin.namesrv((ns) => getRouteInfoByTopic(ctx.admin, ns, topic, ctx.admin.config.requestTimeoutMs));
      const targets = route.brokerDatas.flatMap((b) => {
        const addr = b.brokerAddrs.get(0) ?? [...b.brokerAddrs.values()][0];
        return addr ? [{ brokerName: b.brokerName, addr }] : [];
      });
      const stats = await fanOut(targets, (t) => getTopicStatsInfo(ctx.admin, t.addr, topic, ctx.admin.config.requestTimeoutMs), ctx.admin.config.fanOutDeadlineMs);
      failures.push(...stats.failures.map((f) => f.failure));
      return { topic, messages: stats.results.flatMap((r) => r.value).reduce((n, q) => n + q.maxOffset - q.minOffset, 0) };
    } catch (error) {
      if (error instanceof RemotingResponseError && error.code === ResponseCode.TOPIC_NOT_EXIST) return null;
      throw error;
    }
  };
  const [retry, dlq] = await Promise.all([count(`${RETRY_PREFIX}${group}`), count(`${DLQ_PREFIX}${group}`)]);
  return {
    group,
    configs: (configs ?? []).map(({ brokerName, config: c }) => ({
      brokerName,
      consumeEnable: c.consumeEnable,
      consumeMessageOrderly: c.consumeMessageOrderly,
      consumeBroadcastEnable: c.consumeBroadcastEnable,
      retryMaxTimes: c.retryMaxTimes,
      retryQueueNums: c.retryQueueNums,
      brokerId: c.brokerId,
      whichBrokerWhenConsumeSlowly: c.whichBrokerWhenConsumeSlowly,
    })),
    messageModel: snapshot.groups.find((g) => g.group === group)?.messageModel,
    retry,
    dlq,
    failures,
    asOf: Date.now(),
  };
}
