import { getAllSubscriptionGroupConfig, type SubscriptionGroupConfig } from '../../../rocketmq/get-all-subscriptiongroup-config';
import { getConsumerConnectionList } from '../../../rocketmq/get-consumer-connection-list';
import type { BrokerNode } from '../../core/admin';
import { fanOutAll } from '../../core/fanout';
import type { ClusterContext } from '../../context';
import type { GroupFields } from './schema';

export interface MasterGroupState {
  node: BrokerNode;
  config?: SubscriptionGroupConfig;
}

/** Each master's config of the group, read in parallel; a master that does not answer fails the plan, naming it. */
export async function readGroupOnMasters(ctx: ClusterContext, nodes: BrokerNode[], group: string): Promise<MasterGroupState[]> {
  const timeout = Math.max(ctx.admin.config.requestTimeoutMs, 10_000);
  const results = await fanOutAll(nodes, async (node) => ({ node, config: (await getAllSubscriptionGroupConfig(ctx.admin, node.addr, timeout)).get(group) }), Math.max(ctx.admin.config.fanOutDeadlineMs, 15_000), 'chosen master');
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
export function fieldsOf(config: SubscriptionGroupConfig): Required<GroupFields> {
  const { retryQueueNums, retryMaxTimes, consumeEnable, consumeBroadcastEnable, consumeFromMinEnable, consumeMessageOrderly } = config;
  return { retryQueueNums, retryMaxTimes, consumeEnable, consumeBroadcastEnable, consumeFromMinEnable, consumeMessageOrderly };
}
