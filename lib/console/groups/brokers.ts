import { getConsumerConnectionList, type ConsumerConnection } from '../../rocketmq/get-consumer-connection-list';
import { RUNNING_INFO_TIMEOUT_MS } from '../../rocketmq/get-consumer-running-info';
import type { AdminClient, BrokerNode } from '../core/admin';
import { failureOf, type BrokerFailure } from '../core/fanout';
import { RETRY_PREFIX } from '../core/names';
import { routeIfExists } from '../core/routes';
import type { ClusterContext } from '../context';

/** Masters to ask about a group, and whether the group exists at all (config in the snapshot, or its retry topic). */
export async function groupBrokers(ctx: ClusterContext, group: string): Promise<{ masters: BrokerNode[]; known: boolean }> {
  const masters = await ctx.admin.readableBrokers();
  if (ctx.lag.peek()?.configs.has(group)) return { masters, known: true };
  return { masters, known: (await routeIfExists(ctx.admin, `${RETRY_PREFIX}${group}`)) !== undefined };
}

/**
 * The first master that knows the group's connections (clients heartbeat to every broker they consume from).
 * Masters that failed on the way are added to `failures` when given: all of them failed means nobody could say.
 */
export async function findConnection(
  group: string,
  masters: BrokerNode[],
  admin: AdminClient,
  failures?: BrokerFailure[],
): Promise<{ node: BrokerNode; connection: ConsumerConnection } | undefined> {
  for (const node of masters) {
    try {
      const connection = await getConsumerConnectionList(admin, node.addr, group, admin.config.requestTimeoutMs);
      if (connection) return { node, connection };
    } catch (error) {
      // this master is down; another one may know the clients
      failures?.push(failureOf(node, error));
    }
  }
  return undefined;
}

/**
 * How long to wait for a client's running info when a page asks every client of a group: the cluster's fan-out
 * deadline (at least 5 s, a client answers through a broker), never more than the running info's own timeout.
 */
export function runningInfoTimeoutMs(admin: AdminClient): number {
  return Math.min(RUNNING_INFO_TIMEOUT_MS, Math.max(admin.config.fanOutDeadlineMs, 5000));
}
