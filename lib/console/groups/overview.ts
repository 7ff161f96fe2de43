import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { NotFoundError } from '../core/errors';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { checkGroupName, DLQ_PREFIX, RETRY_PREFIX } from '../core/names';
import { readTargets, routeIfExists } from '../core/routes';
import type { ClusterContext } from '../context';
import { groupBrokers } from './brokers';
import type { GroupRetryPolicy } from '../../rocketmq/get-all-subscriptiongroup-config';
import { showRetryPolicy } from './change/schema';

export interface GroupOverview {
  group: string;
  configs: Array<{ brokerName: string; consumeEnable: boolean; consumeFromMinEnable: boolean; consumeMessageOrderly: boolean; consumeBroadcastEnable: boolean; retryMaxTimes: number; retryQueueNums: number; brokerId: number; whichBrokerWhenConsumeSlowly: number; retryPolicy?: GroupRetryPolicy; retryPolicyText?: string }>;
  messageModel?: string;
  /** Messages kept in the group's retry and dead-letter topics, null when the topic does not exist. */
  retry: { topic: string; messages: number } | null;
  dlq: { topic: string; messages: number } | null;
  failures: BrokerFailure[];
  asOf: number;
}

/** The group's config per broker and its %RETRY% / %DLQ% topics with their message counts. */
export async function getGroupOverview(ctx: ClusterContext, input: { group: string }): Promise<GroupOverview> {
  const { group } = input;
  checkGroupName(group);
  const snapshot = await ctx.lag.latest();
  const configs = snapshot.configs.get(group);
  const { known } = await groupBrokers(ctx, group);
  if (!configs && !known) throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  const failures: BrokerFailure[] = [];
  const count = async (topic: string) => {
    const route = await routeIfExists(ctx.admin, topic);
    if (!route) return null;
    const stats = await fanOut(readTargets(route), (t) => getTopicStatsInfo(ctx.admin, t.addr, topic, ctx.admin.config.requestTimeoutMs), ctx.admin.config.fanOutDeadlineMs);
    failures.push(...stats.failures.map((f) => f.failure));
    return { topic, messages: stats.results.flatMap((r) => r.value).reduce((n, q) => n + q.maxOffset - q.minOffset, 0) };
  };
  const [retry, dlq] = await Promise.all([count(`${RETRY_PREFIX}${group}`), count(`${DLQ_PREFIX}${group}`)]);
  return {
    group,
    configs: (configs ?? []).map(({ brokerName, config: c }) => ({
      brokerName,
      consumeEnable: c.consumeEnable,
      consumeFromMinEnable: c.consumeFromMinEnable,
      consumeMessageOrderly: c.consumeMessageOrderly,
      consumeBroadcastEnable: c.consumeBroadcastEnable,
      retryMaxTimes: c.retryMaxTimes,
      retryQueueNums: c.retryQueueNums,
      brokerId: c.brokerId,
      whichBrokerWhenConsumeSlowly: c.whichBrokerWhenConsumeSlowly,
      // 5.x only: a 4.x broker has no retry policy (the delay levels apply)
      ...(c.groupRetryPolicy ? { retryPolicy: c.groupRetryPolicy, retryPolicyText: showRetryPolicy(c.groupRetryPolicy) } : {}),
    })),
    messageModel: snapshot.groups.find((g) => g.group === group)?.messageModel,
    retry,
    dlq,
    failures,
    asOf: Date.now(),
  };
}
