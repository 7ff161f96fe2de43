import { getConsumerConnectionList, type ConsumerConnection } from '../../rocketmq/get-consumer-connection-list';
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
