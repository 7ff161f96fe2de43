import { RemotingResponseError } from '../../remoting';
import { ResponseCode } from '../../rocketmq/codes';
import { getRouteInfoByTopic, permText, type TopicRouteData } from '../../rocketmq/get-route-info-by-topic';
import { getTopicStatsInfo, type QueueStats } from '../../rocketmq/get-topic-stats-info';
import { getAdmin, type AdminClient } from '../core/admin';
import { BadInputError, NotFoundError } from '../core/errors';
import { missingText } from '../cluster/overview';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { topicNameProblem } from '../core/names';
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
  /** Per queue, as `mqadmin topicStatus` prints them (broker order, then queueId). */
  queues: QueueStats[];
  totals: { messages: number; maxOffset: number; lastUpdateTimestamp?: number };
  failures: BrokerFailure[];
  asOf: number;
}

export function checkTopicName(topic: string): void {
  const problem = topicNameProblem(topic);
  if (problem) throw new BadInputError(problem, 'topic');
}

/** The topic's route from the namesrv; 404 when the namesrv does not know the topic. */
export async function fetchRoute(topic: string, admin: AdminClient): Promise<TopicRouteData> {
  checkTopicName(topic);
  try {
    return await admin.namesrv((ns) => getRouteInfoByTopic(admin, ns, topic, admin.config.requestTimeoutMs));
  } catch (error) {
    if (error instanceof RemotingResponseError && error.code === ResponseCode.TOPIC_NOT_EXIST) {
      throw new NotFoundError(`topic ${topic} does not exist (the namesrv has no route for it)`, 'topic');
    }
    throw error;
  }
}

export async function getTopicRoute(topic: string, admin: AdminClient = getAdmin()): Promise<TopicRoute> {
  const [route, catalog] = await Promise.all([fetchRoute(topic, admin), topicCatalog(admin).catch(() => undefined)]);
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

/** Per-queue offsets from each broker group of the route (master, else a replica), with a deadline. */
export async function getTopicStatus(topic: string, admin: AdminClient = getAdmin()): Promise<TopicStatus> {
  const route = await fetchRoute(topic, admin);
  const gone = (await admin.droppedFromRoute(topic, route.brokerDatas.map((b) => b.brokerName))).map(({ node, lastSeen }) => ({
    brokerName: node.brokerName,
    addr: node.addr,
    error: `its queues of this topic are not served: ${missingText(lastSeen)}`,
  }));
  const targets = route.brokerDatas.flatMap((b) => {
    const addr = b.brokerAddrs.get(0) ?? [...b.brokerAddrs.values()][0];
    return addr ? [{ brokerName: b.brokerName, addr }] : [];
  });
  const { results, failures } = await fanOut(
    targets,
    (t) => getTopicStatsInfo(admin, t.addr, topic, admin.config.requestTimeoutMs),
    admin.config.fanOutDeadlineMs,
  );
  const queues = results.flatMap((r) => r.value).sort((a, b) => a.brokerName.localeCompare(b.brokerName) || a.queueId - b.queueId);
  const last = Math.max(0, ...queues.map((q) => q.lastUpdateTimestamp));
  return {
    topic,
    queues,
    totals: {
      messages: queues.reduce((n, q) => n + (q.maxOffset - q.minOffset), 0),
      maxOffset: queues.reduce((n, q) => n + q.maxOffset, 0),
      lastUpdateTimestamp: last > 0 ? last : undefined,
    },
    failures: [...failures.map((f) => f.failure), ...gone],
    asOf: Date.now(),
  };
}
