import { permText } from '../../rocketmq/get-route-info-by-topic';
import { getTopicStatsInfo, type QueueStats } from '../../rocketmq/get-topic-stats-info';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { oldestStoreTime } from '../core/oldest';
import { fetchRoute, readTargets, missingText } from '../core/routes';
import type { ClusterContext } from '../context';
import { topicCatalog, type TopicType } from './catalog';

export interface TopicRoute {
  topic: string;
  type?: TopicType;
  /** brokerId -> address, per broker group (what `mqadmin topicRoute` prints as brokerDatas). */
  brokers: Array<{ brokerName: string; cluster: string; addrs: Record<string, string> }>;
  queues: Array<{ brokerName: string; readQueueNums: number; writeQueueNums: number; perm: number; permText: string; topicSysFlag: number }>;
  orderTopicConf?: string;
  asOf: number;
}

export interface TopicStatus {
  topic: string;
  /**
   * Per queue, as `mqadmin topicStatus` prints them (broker order, then queueId), with the store time of the oldest
   * message it still holds (retention: nothing older can be read or reset to).
   */
  queues: Array<QueueStats & { earliestStoreTime?: number }>;
  totals: { messages: number; maxOffset: number; lastUpdateTimestamp?: number; earliestStoreTime?: number };
  failures: BrokerFailure[];
  asOf: number;
}

/** The topic's route from the namesrv (= mqadmin topicRoute), with its type from the catalog. */
export async function getTopicRoute(ctx: ClusterContext, input: { topic: string }): Promise<TopicRoute> {
  const { admin } = ctx;
  const { topic } = input;
  const [route, catalog] = await Promise.all([fetchRoute(admin, topic), topicCatalog(admin, undefined, { stale: true }).catch(() => undefined)]);
  return {
    topic,
    type: catalog?.items.find((t) => t.topic === topic)?.type,
    brokers: route.brokerDatas.map((b) => ({
      brokerName: b.brokerName,
      cluster: b.cluster,
      addrs: Object.fromEntries([...b.brokerAddrs].map(([id, addr]) => [String(id), addr])),
    })),
    queues: route.queueDatas.map((q) => ({ ...q, permText: permText(q.perm) })),
    orderTopicConf: route.orderTopicConf,
    asOf: Date.now(),
  };
}

/** Per-queue offsets from each broker group of the route (master, else a replica), with a deadline (= mqadmin topicStatus). */
export async function getTopicStatus(ctx: ClusterContext, input: { topic: string }): Promise<TopicStatus> {
  const { admin } = ctx;
  const { topic } = input;
  const route = await fetchRoute(admin, topic);
  const gone = (await admin.droppedFromRoute(topic, route.brokerDatas.map((b) => b.brokerName))).map(({ node, lastSeen }) => ({
    brokerName: node.brokerName,
    addr: node.addr,
    error: `its queues of this topic are not served: ${missingText(lastSeen)}`,
  }));
  const { results, failures } = await fanOut(readTargets(route), (t) => statsWithOldest(ctx, t.addr, topic), admin.config.fanOutDeadlineMs);
  const queues = results.flatMap((r) => r.value).sort(compareMessageQueues);
  const last = Math.max(0, ...queues.map((q) => q.lastUpdateTimestamp));
  const earliest = Math.min(...queues.map((q) => q.earliestStoreTime ?? Number.POSITIVE_INFINITY));
  return {
    topic,
    queues,
    totals: {
      messages: queues.reduce((n, q) => n + (q.maxOffset - q.minOffset), 0),
      maxOffset: queues.reduce((n, q) => n + q.maxOffset, 0),
      lastUpdateTimestamp: last > 0 ? last : undefined,
      earliestStoreTime: Number.isFinite(earliest) ? earliest : undefined,
    },
    failures: [...failures.map((f) => f.failure), ...gone],
    asOf: Date.now(),
  };
}

/** Topics with more queues than this show no oldest message per queue: one read per queue would be too many. */
const MAX_QUEUES_FOR_OLDEST = 256;

async function statsWithOldest(ctx: ClusterContext, addr: string, topic: string): Promise<Array<QueueStats & { earliestStoreTime?: number }>> {
  const { admin } = ctx;
  const stats = await getTopicStatsInfo(admin, addr, topic, admin.config.requestTimeoutMs);
  if (stats.length > MAX_QUEUES_FOR_OLDEST) return stats;
  return Promise.all(stats.map(async (q) => ({ ...q, earliestStoreTime: await oldestStoreTime(admin, addr, q, admin.config.requestTimeoutMs) })));
}
