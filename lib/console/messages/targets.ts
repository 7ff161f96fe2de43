import type { AdminClient } from '../core/admin';
import type { BrokerFailure } from '../core/fanout';
import { fetchRoute, missingText, readTarget } from '../core/routes';

/** A broker group of a topic's route and the node to read from. */
export interface ReadTarget {
  brokerName: string;
  addr: string;
  /** The topic's readable queues on this broker. */
  queueIds: number[];
}

/**
 * One node per brokerName of the topic's route: the master, else a replica (each node keeps its own index and
 * commit log, so a replica answers reads when the master is down). Unknown topic: NotFoundError naming `topic`.
 */
export async function routeTargets(admin: AdminClient, topic: string): Promise<ReadTarget[]> {
  const route = await fetchRoute(admin, topic);
  return route.brokerDatas.flatMap((b) => {
    const target = readTarget(b);
    const reads = route.queueDatas.find((q) => q.brokerName === b.brokerName)?.readQueueNums ?? 0;
    return target ? [{ ...target, queueIds: Array.from({ length: reads }, (_, i) => i) }] : [];
  });
}

/** brokerName of every broker address the cluster has registered (a store host names its broker this way). */
export async function brokerNamesByAddr(admin: AdminClient): Promise<Map<string, string>> {
  const nodes = await admin.brokerNodes();
  return new Map(nodes.map((n) => [n.addr, n.brokerName]));
}

/**
 * A failure for each broker that served `topic` when this console read its route before and is gone from the
 * namesrv now. A namesrv forgets a broker the moment its connection drops (a crash, a kill), so without this the
 * answer would silently lack that broker's part and look complete. Records the route's brokers for next time.
 */
export async function goneFromRoute(admin: AdminClient, topic: string, brokerNames: string[]): Promise<BrokerFailure[]> {
  return (await admin.droppedFromRoute(topic, brokerNames)).map(({ node, lastSeen }) => ({ brokerName: node.brokerName, addr: node.addr, error: `${node.brokerName} (${node.addr}) is ${missingText(lastSeen)}; its part of ${topic} is missing` }));
}
