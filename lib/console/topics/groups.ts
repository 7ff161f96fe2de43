import { getConsumeStats } from '../../rocketmq/get-consume-stats';
import { queryTopicConsumeByWho } from '../../rocketmq/query-topic-consume-by-who';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { fetchRoute, readTargets } from '../core/routes';
import type { ClusterContext } from '../context';

export interface TopicGroup {
  group: string;
  /** Messages behind on this topic only; undefined for a BROADCASTING group, whose offsets live on its clients. */
  lag?: number;
  queues: number;
  clients?: number;
  messageModel?: string;
  oldestUnconsumedTimestamp?: number;
}

/**
 * Groups consuming a topic (QUERY_TOPIC_CONSUME_BY_WHO on every broker of its route, merged: mqadmin asks only the
 * first) with their lag on this topic, read fresh (GET_CONSUME_STATS with the topic).
 */
export async function getTopicGroups(ctx: ClusterContext, input: { topic: string }): Promise<{ topic: string; groups: TopicGroup[]; failures: BrokerFailure[]; asOf: number }> {
  const { admin } = ctx;
  const { topic } = input;
  const targets = readTargets(await fetchRoute(admin, topic));
  const who = await fanOut(targets, (t) => queryTopicConsumeByWho(admin, t.addr, topic, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
  const names = [...new Set(who.results.flatMap((r) => r.value))].sort();
  const calls = names.flatMap((group) => targets.map((t) => ({ ...t, group })));
  const stats = await fanOut(calls, (c) => getConsumeStats(admin, c.addr, c.group, topic, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
  const snapshot = new Map((ctx.lag.peek()?.groups ?? []).map((g) => [g.group, g]));
  const groups = names.map((group): TopicGroup => {
    const queues = stats.results.filter((r) => r.target.group === group).flatMap((r) => r.value.queues.filter((q) => q.topic === topic));
    const known = snapshot.get(group);
    const oldest = Math.min(...(known?.queues.toArray() ?? []).filter((q) => q.topic === topic).map((q) => q.oldestUnconsumedTimestamp ?? Number.POSITIVE_INFINITY));
    return {
      group,
      lag: known?.messageModel === 'BROADCASTING' ? undefined : queues.reduce((n, q) => n + q.brokerOffset - q.consumerOffset, 0),
      queues: queues.length,
      clients: known?.clients,
      messageModel: known?.messageModel,
      oldestUnconsumedTimestamp: Number.isFinite(oldest) ? oldest : undefined,
    };
  });
  const seen = new Set<string>();
  const failures = [...who.failures, ...stats.failures].map((f) => f.failure).filter((f) => !seen.has(f.addr) && seen.add(f.addr));
  return { topic, groups, failures, asOf: Date.now() };
}
