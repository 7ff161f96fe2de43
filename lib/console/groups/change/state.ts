import { getAllSubscriptionGroupConfig, type SubscriptionGroupConfig } from '../../../rocketmq/get-all-subscriptiongroup-config';
import { getConsumerConnectionList } from '../../../rocketmq/get-consumer-connection-list';
import type { BrokerNode } from '../../core/admin';
import { fanOutAll } from '../../core/fanout';
import type { ClusterContext } from '../../context';
import type { GroupValues } from './schema';

export interface MasterGroupState {
  node: BrokerNode;
  config?: SubscriptionGroupConfig;
  /** Whether the master keeps 5.x group fields (a retry policy). */
  v5: boolean;
}

/** Each master's config of the group, read in parallel; a master that does not answer fails the plan, naming it. */
export async function readGroupOnMasters(ctx: ClusterContext, nodes: BrokerNode[], group: string): Promise<MasterGroupState[]> {
  const timeout = Math.max(ctx.admin.config.requestTimeoutMs, 10_000);
  const results = await fanOutAll(nodes, async (node) => {
      const table = await getAllSubscriptionGroupConfig(ctx.admin, node.addr, timeout);
      // a 5.x master writes every group's retry policy, and always holds its own built-in groups
      return { node, config: table.get(group), v5: [...table.values()].some((c) => c.groupRetryPolicy !== undefined) };
    }, Math.max(ctx.admin.config.fanOutDeadlineMs, 15_000), 'chosen master');
  return results.map((r) => r.value);
}

/** The online clients of the group (clientId @ address), asked of the first master that knows them. */
export async function onlineClients(ctx: ClusterContext, nodes: BrokerNode[], group: string): Promise<string[]> {
  for (const node of nodes) {
    try {
      const list = await getConsumerConnectionList(ctx.admin, node.addr, group, ctx.admin.config.requestTimeoutMs);
      if (list) return list.connections.map((c) => `${c.clientId} @ ${c.clientAddr}`).sort();
    } catch {
      // the next master may know them
    }
  }
  return [];
}

/** The fields the console edits, as the broker holds them. */
export function fieldsOf(config: SubscriptionGroupConfig): GroupValues {
  const { retryQueueNums, retryMaxTimes, consumeEnable, consumeBroadcastEnable, consumeFromMinEnable, consumeMessageOrderly, groupRetryPolicy } = config;
  return { retryQueueNums, retryMaxTimes, consumeEnable, consumeBroadcastEnable, consumeFromMinEnable, consumeMessageOrderly, ...(groupRetryPolicy ? { retryPolicy: groupRetryPolicy } : {}) };
}
