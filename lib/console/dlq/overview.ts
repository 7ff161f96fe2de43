import { getConsumeStats } from '../../rocketmq/get-consume-stats';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { fanOut } from '../core/fanout';
import { describeFailure } from '../core/errors';
import { oldestStoreTime } from '../core/oldest';
import { DLQ_PREFIX, RETRY_PREFIX, checkGroupName } from '../core/names';
import { routeIfExists } from '../core/routes';
import type { ClusterContext } from '../context';
import { routeTargets } from '../messages/targets';

export interface BacklogTopic {
  topic: string;
  /** Messages it holds (Σ max − min offset over its queues). */
  messages: number;
  oldest?: number;
  newest?: number;
  /** Brokers that did not answer. */
  errors: string[];
}

export interface DeadLetters {
  group: string;
  /** %RETRY%<group>: failed messages waiting for their next redelivery; absent until the group first fails one. */
  retry?: BacklogTopic;
  /** %DLQ%<group>: messages that failed more than the group's retryMaxTimes; absent until one does. */
  dlq?: BacklogTopic;
  /** POP consumers retry per topic: %RETRY%<group>_<topic>, one for each topic the group pops from that failed one. */
  popRetry: BacklogTopic[];
  asOf: number;
}

/** A group's retry and dead-letter topics: how many messages each holds and how old they are. */
export async function getDeadLetters(ctx: ClusterContext, input: { group: string }): Promise<DeadLetters> {
  checkGroupName(input.group);
  const [retry, dlq, popRetryTopics] = await Promise.all([backlog(ctx, `${RETRY_PREFIX}${input.group}`), backlog(ctx, `${DLQ_PREFIX}${input.group}`), popRetryTopicsOf(ctx, input.group)]);
  const popRetry = (await Promise.all(popRetryTopics.map((t) => backlog(ctx, t)))).filter((b): b is BacklogTopic => b !== undefined);
  return { group: input.group, retry, dlq, popRetry, asOf: Date.now() };
}

/** The group's POP retry topics: those among the topics it has offsets on (a group named <group>_x is not confused for one). */
async function popRetryTopicsOf(ctx: ClusterContext, group: string): Promise<string[]> {
  const { admin } = ctx;
  const { results } = await fanOut(await admin.readableBrokers(), (m) => getConsumeStats(admin, m.addr, group, undefined, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
  const prefix = `${RETRY_PREFIX}${group}_`;
  return [...new Set(results.flatMap((r) => r.value.queues.map((q) => q.topic)))].filter((t) => t.startsWith(prefix)).sort();
}

async function backlog(ctx: ClusterContext, topic: string): Promise<BacklogTopic | undefined> {
  const { admin } = ctx;
  if (!(await routeIfExists(admin, topic))) return undefined;
  const timeout = admin.config.requestTimeoutMs;
  const out: BacklogTopic = { topic, messages: 0, errors: [] };
  let oldest = Infinity;
  let newest = 0;
  await Promise.all(
    (await routeTargets(admin, topic)).map(async (t) => {
      try {
        const stats = await getTopicStatsInfo(admin, t.addr, topic, timeout);
        for (const q of stats) {
          if (q.maxOffset <= q.minOffset) continue;
          out.messages += q.maxOffset - q.minOffset;
          newest = Math.max(newest, q.lastUpdateTimestamp);
          const at = await oldestStoreTime(admin, t.addr, q, timeout);
          if (at !== undefined) oldest = Math.min(oldest, at);
        }
      } catch (error) {
        out.errors.push(describeFailure(error, t.brokerName));
      }
    }),
  );
  return { ...out, oldest: Number.isFinite(oldest) ? oldest : undefined, newest: newest > 0 ? newest : undefined };
}
