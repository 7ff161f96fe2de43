import { getAllTopicConfig, type TopicConfig } from '../../rocketmq/get-all-topic-config';
import { getConsumerRunningInfo, type ConsumerRunningInfo } from '../../rocketmq/get-consumer-running-info';
import { ORDER_TOPIC_CONFIG_NAMESPACE } from '../../rocketmq/get-kv-config';
import { getKvListByNamespace } from '../../rocketmq/get-kvlist-by-namespace';
import { getNamesrvConfig } from '../../rocketmq/get-namesrv-config';
import { describeFailure } from '../core/errors';
import { failureOf, fanOut, type BrokerFailure } from '../core/fanout';
import { DLQ_PREFIX, isSystemTopic, RETRY_PREFIX } from '../core/names';
import type { ClusterContext } from '../context';
import { findConnection, runningInfoTimeoutMs } from '../groups/brokers';
import type { GroupSnapshot, QueueLag } from '../lag/types';

export interface NamesrvOrderSetting {
  addr: string;
  /** orderMessageEnable: off (the default), routes carry no order config and clients ignore it. */
  orderMessageEnable?: boolean;
  error?: string;
}

export interface OrderedQueue {
  brokerName: string;
  queueId: number;
  brokerOffset: number;
  consumerOffset: number;
  lag: number;
  /** Clients that report holding the queue's lock (more than one only for a moment during a rebalance). */
  lockedBy: string[];
  /** When the holder last took or renewed the lock (orderly clients renew every 20 s). */
  lockRenewedAt?: number;
  /** Set while the queue has lag and its consumer offset has not moved: since when, and the lag then. */
  stalledSince?: number;
  lagAtStall?: number;
  /** Stalled for longer than the cluster's stuck threshold. */
  stuck: boolean;
}

export interface OrderedGroup {
  group: string;
  clients: number;
  /** From the clients' own report (PROP_CONSUMEORDERLY); undefined while offline or when no client answered. */
  orderly?: boolean;
  /** 5.x consumeMessageOrderly of the group's config (used by proxy gRPC consumers); undefined on 4.x. */
  configOrderly?: boolean;
  messageModel?: string;
  lag: number;
  /** Per queue of this topic; lock columns only for orderly clients (a concurrent client marks every queue locked). */
  queues: OrderedQueue[];
  /** A client that could not be asked. */
  error?: string;
}

export interface OrderedTopic {
  topic: string;
  /** The namesrv's ORDER_TOPIC_CONFIG value, e.g. "broker-a:4;broker-b:4": the queue list clients use, in order. */
  orderConf?: string;
  /** 5.x message.type attribute of the topic (FIFO for ordered topics). */
  messageType?: string;
  /** TopicConfig.order on a broker (set from the order config; never cleared when it is deleted). */
  orderFlag: boolean;
  brokers: string[];
  groups: OrderedGroup[];
}

export interface OrderedOverview {
  namesrvs: NamesrvOrderSetting[];
  topics: OrderedTopic[];
  /** Lag data and stalls come from the background snapshot taken at this time. */
  snapshotAt?: number;
  stuckAfterMs: number;
  failures: BrokerFailure[];
  asOf: number;
}

/**
 * Ordered messages across the cluster: each namesrv's orderMessageEnable, every ordered topic (order config,
 * FIFO type or order flag) and the groups consuming it, with for orderly groups who holds each queue's lock and which
 * queues are stuck (lag, consumer offset still for longer than `stuckAfterMs`).
 */
export async function getOrderedOverview(ctx: ClusterContext): Promise<OrderedOverview> {
  const { admin } = ctx;
  const timeout = admin.config.requestTimeoutMs;
  const [namesrvs, orderConf, masters, info] = await Promise.all([
    Promise.all(admin.config.namesrvAddrs.map((addr) => namesrvSetting(ctx, addr))),
    admin.namesrv((ns) => getKvListByNamespace(admin, ns, ORDER_TOPIC_CONFIG_NAMESPACE, timeout)),
    admin.readableBrokers(),
    admin.clusterInfoCached(),
  ]);
  const configs = await fanOut(masters, (b) => getAllTopicConfig(admin, b.addr, timeout), admin.config.fanOutDeadlineMs);
  const held = new Map<string, Array<{ brokerName: string; config: TopicConfig }>>();
  for (const { target, value } of configs.results) {
    for (const [topic, config] of value) held.set(topic, [...(held.get(topic) ?? []), { brokerName: target.brokerName, config }]);
  }
  const names = new Set<string>([...info.clusters.keys(), ...info.brokers.keys()]);
  const ordered = [...new Set([...Object.keys(orderConf), ...held.keys()])]
    // an orderly client's retry topic gets the order flag too; it is the group's, not an ordered topic of the cluster
    .filter((topic) => !isSystemTopic(topic, names, admin.config.traceTopic) && !topic.startsWith(RETRY_PREFIX) && !topic.startsWith(DLQ_PREFIX))
    .filter((topic) => topic in orderConf || (held.get(topic) ?? []).some((h) => h.config.order || h.config.attributes['message.type'] === 'FIFO'))
    .sort();
  const snapshot = await ctx.lag.latest().catch(() => undefined);
  const topics = await Promise.all(
    ordered.map(async (topic): Promise<OrderedTopic> => {
      const onBrokers = held.get(topic) ?? [];
      const consumers = (snapshot?.groups ?? []).filter((g) => g.topics.includes(topic) && !g.system);
      return {
        topic,
        orderConf: orderConf[topic],
        messageType: onBrokers.map((h) => h.config.attributes['message.type']).find((t) => t !== undefined),
        orderFlag: onBrokers.some((h) => h.config.order),
        brokers: onBrokers.map((h) => h.brokerName).sort(),
        groups: await Promise.all(consumers.map((g) => orderedGroup(ctx, g, topic))),
      };
    }),
  );
  return {
    namesrvs,
    topics,
    snapshotAt: snapshot?.asOf,
    stuckAfterMs: ctx.lag.options.stuckAfterMs,
    failures: [...configs.failures.map((f) => f.failure), ...(snapshot?.failures ?? [])],
    asOf: Date.now(),
  };
}

async function namesrvSetting(ctx: ClusterContext, addr: string): Promise<NamesrvOrderSetting> {
  try {
    const config = await getNamesrvConfig(ctx.admin, addr, ctx.admin.config.requestTimeoutMs);
    const value = config.properties.orderMessageEnable;
    return { addr, orderMessageEnable: value === undefined ? undefined : value === 'true' };
  } catch (error) {
    return { addr, error: describeFailure(error) };
  }
}

interface ClientReport {
  clientId: string;
  info: ConsumerRunningInfo;
}

async function orderedGroup(ctx: ClusterContext, g: GroupSnapshot, topic: string): Promise<OrderedGroup> {
  const queues = g.queues.toArray().filter((q) => q.topic === topic);
  const reports = g.clients > 0 ? await clientReports(ctx, g.group) : { reports: [] };
  const orderlyReports = reports.reports.filter((r) => r.info.properties.PROP_CONSUMEORDERLY === 'true');
  return {
    group: g.group,
    clients: g.clients,
    orderly: reports.reports.length > 0 ? orderlyReports.length > 0 : undefined,
    configOrderly: configOrderly(ctx, g.group),
    messageModel: g.messageModel,
    lag: queues.reduce((n, q) => n + q.lag, 0),
    queues: queues.map((q) => orderedQueue(ctx, g.group, q, orderlyReports)),
    error: reports.error,
  };
}

/** 5.x configs carry consumeMessageOrderly (and always a retry policy); a 4.x config has neither, so it is unknown. */
function configOrderly(ctx: ClusterContext, group: string): boolean | undefined {
  const configs = ctx.lag.peek()?.configs.get(group) ?? [];
  if (!configs.some((c) => c.config.groupRetryPolicy !== undefined)) return undefined;
  return configs.some((c) => c.config.consumeMessageOrderly);
}

function orderedQueue(ctx: ClusterContext, group: string, q: QueueLag, orderly: ClientReport[]): OrderedQueue {
  const holders = orderly.flatMap(({ clientId, info }) =>
    info.queues
      .filter((p) => p.topic === q.topic && p.brokerName === q.brokerName && p.queueId === q.queueId && p.locked && !p.droped)
      .map((p) => ({ clientId, at: p.lastLockTimestamp })),
  );
  const stall = ctx.lag.stallOf(group, q);
  const renewed = Math.max(0, ...holders.map((h) => h.at));
  return {
    brokerName: q.brokerName,
    queueId: q.queueId,
    brokerOffset: q.brokerOffset,
    consumerOffset: q.consumerOffset,
    lag: q.lag,
    lockedBy: holders.map((h) => h.clientId).sort(),
    lockRenewedAt: renewed > 0 ? renewed : undefined,
    stalledSince: stall?.since,
    lagAtStall: stall?.lagAtSince,
    stuck: stall !== undefined && Date.now() - stall.since >= ctx.lag.options.stuckAfterMs,
  };
}

/** Every online client's own report; a client that does not answer is named, the others still count. */
async function clientReports(ctx: ClusterContext, group: string): Promise<{ reports: ClientReport[]; error?: string }> {
  const { admin } = ctx;
  const found = await findConnection(group, await admin.readableBrokers(), admin);
  if (!found) return { reports: [] };
  const timeoutMs = runningInfoTimeoutMs(admin);
  const errors: string[] = [];
  const reports = await Promise.all(
    found.connection.connections.map(async ({ clientId }): Promise<ClientReport | undefined> => {
      try {
        return { clientId, info: await getConsumerRunningInfo(admin, found.node.addr, group, clientId, { timeoutMs }) };
      } catch (error) {
        errors.push(`${clientId}: ${failureOf(found.node, error).error}`);
        return undefined;
      }
    }),
  );
  return { reports: reports.filter((r): r is ClientReport => r !== undefined), error: errors.length > 0 ? errors.join('; ') : undefined };
}
