import { getAllTopicConfig, type TopicConfig } from '../../../rocketmq/get-all-topic-config';
import { getBrokerRuntimeInfo } from '../../../rocketmq/get-broker-runtime-info';
import { getKvConfig, ORDER_TOPIC_CONFIG_NAMESPACE } from '../../../rocketmq/get-kv-config';
import { getTopicStatsInfo, type QueueStats } from '../../../rocketmq/get-topic-stats-info';
import { queryTopicConsumeByWho } from '../../../rocketmq/query-topic-consume-by-who';
import type { BrokerNode } from '../../core/admin';
import { describeFailure } from '../../core/errors';
import { failureOf, fanOutAll } from '../../core/fanout';
import type { ClusterContext } from '../../context';
export { chosenMasters } from '../../changes/masters';

/** One master as a topic change sees it: its config of the topic (absent: not there) and whether it is 5.x. */
export interface MasterTopicState {
  node: BrokerNode;
  config?: TopicConfig;
  v5: boolean;
}

/** Each master's config of the topic and version, read in parallel; a broker that does not answer fails the plan, naming it. */
export async function readMasters(ctx: ClusterContext, nodes: BrokerNode[], topic: string): Promise<MasterTopicState[]> {
  const timeout = ctx.admin.config.requestTimeoutMs;
  const results = await fanOutAll(
    nodes,
    async (node) => {
      const [configs, runtime] = await Promise.all([getAllTopicConfig(ctx.admin, node.addr, Math.max(timeout, 10_000)), getBrokerRuntimeInfo(ctx.admin, node.addr, timeout)]);
      return { node, config: configs.get(topic), v5: Number(/^V(\d+)_/.exec(runtime.brokerVersionDesc ?? '')?.[1] ?? 0) >= 5 };
    },
    Math.max(ctx.admin.config.fanOutDeadlineMs, 15_000),
    'chosen master',
  );
  return results.map((r) => r.value);
}

/** Messages each queue holds (maxOffset - minOffset) on the masters that have the topic; unknown where a broker failed. */
export async function queueStats(ctx: ClusterContext, nodes: BrokerNode[], topic: string): Promise<Map<string, QueueStats[] | { error: string }>> {
  const out = new Map<string, QueueStats[] | { error: string }>();
  await Promise.all(
    nodes.map(async (node) => {
      try {
        out.set(node.brokerName, await getTopicStatsInfo(ctx.admin, node.addr, topic, ctx.admin.config.requestTimeoutMs));
      } catch (error) {
        out.set(node.brokerName, { error: describeFailure(error, node.brokerName) });
      }
    }),
  );
  return out;
}

/** Groups with offsets or subscriptions on the topic, asked of every master that has it. */
export async function consumingGroups(ctx: ClusterContext, nodes: BrokerNode[], topic: string): Promise<string[]> {
  const groups = new Set<string>();
  await Promise.all(
    nodes.map(async (node) => {
      try {
        for (const g of await queryTopicConsumeByWho(ctx.admin, node.addr, topic, ctx.admin.config.requestTimeoutMs)) groups.add(g);
      } catch (error) {
        ctx.log.warn({ err: failureOf(node, error) }, 'topic change: could not list the groups consuming the topic');
      }
    }),
  );
  return [...groups].sort();
}

/** The ORDER_TOPIC_CONFIG value of the topic ("broker-a:4;broker-b:4"), or null when there is none. */
export async function orderConf(ctx: ClusterContext, topic: string): Promise<string | null> {
  return (await ctx.admin.namesrv((addr) => getKvConfig(ctx.admin, addr, ORDER_TOPIC_CONFIG_NAMESPACE, topic, ctx.admin.config.requestTimeoutMs))) ?? null;
}

export const PERM_NAMES: Record<number, string> = { 2: 'write only (2)', 4: 'read only (4)', 6: 'read and write (6)', 0: 'none (0)' };
export const permName = (perm: number) => PERM_NAMES[perm] ?? String(perm);
