import { RemotingResponseError } from '../../remoting';
import { ResponseCode } from '../../rocketmq/codes';
import type { BrokerData } from '../../rocketmq/get-broker-cluster-info';
import { getRouteInfoByTopic, type TopicRouteData } from '../../rocketmq/get-route-info-by-topic';
import type { MessageQueue } from '../../rocketmq/message-queue';
import type { AdminClient, BrokerNode } from './admin';
import { NotFoundError } from './errors';
import { checkTopicName } from './names';

/** The broker answered "no such topic" (code 17): a route or a queue that does not exist, not a failure. */
export function isTopicNotExist(error: unknown): boolean {
  return error instanceof RemotingResponseError && error.code === ResponseCode.TOPIC_NOT_EXIST;
}

/** The node to read a broker group from: the master, else any replica (each keeps its own index and commit log). */
export function readTarget(broker: BrokerData): { brokerName: string; addr: string } | undefined {
  const addr = broker.brokerAddrs.get(0) ?? [...broker.brokerAddrs.values()][0];
  return addr ? { brokerName: broker.brokerName, addr } : undefined;
}

/** One read target per broker group of a route. */
export function readTargets(route: TopicRouteData): Array<{ brokerName: string; addr: string }> {
  return route.brokerDatas.flatMap((b) => {
    const t = readTarget(b);
    return t ? [t] : [];
  });
}

/** Master nodes only (brokerId 0): where offsets are changed. */
export function masters(nodes: readonly BrokerNode[]): BrokerNode[] {
  return nodes.filter((n) => n.brokerId === 0);
}

/** One string per queue, for maps keyed by queue. */
export function queueKey(q: MessageQueue): string {
  return `${q.topic}\u0001${q.brokerName}\u0001${q.queueId}`;
}

/** The topic's route from the namesrv; NotFoundError naming `topic` when the namesrv does not know it. */
export async function fetchRoute(admin: AdminClient, topic: string): Promise<TopicRouteData> {
  checkTopicName(topic);
  try {
    return await admin.namesrv((ns) => getRouteInfoByTopic(admin, ns, topic, admin.config.requestTimeoutMs));
  } catch (error) {
    if (isTopicNotExist(error)) throw new NotFoundError(`topic ${topic} does not exist (the namesrv has no route for it)`, 'topic');
    throw error;
  }
}

/** The route, or undefined when the topic does not exist (a group's retry or dead-letter topic, say). */
export async function routeIfExists(admin: AdminClient, topic: string): Promise<TopicRouteData | undefined> {
  try {
    return await admin.namesrv((ns) => getRouteInfoByTopic(admin, ns, topic, admin.config.requestTimeoutMs));
  } catch (error) {
    if (isTopicNotExist(error)) return undefined;
    throw error;
  }
}

/** Why a broker the console saw earlier has no part in an answer now. */
export function missingText(lastSeen: number): string {
  return `no longer registered with the namesrv (last seen ${new Date(lastSeen).toISOString()}): stopped, crashed or cut off`;
}
