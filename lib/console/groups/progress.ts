import { getConsumeStats } from '../../rocketmq/get-consume-stats';
import { viewBrokerStatsData } from '../../rocketmq/view-broker-stats-data';
import type { BrokerNode } from '../core/admin';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { NotFoundError } from '../core/errors';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { checkGroupName } from '../core/names';
import { queueKey } from '../core/routes';
import type { ClusterContext } from '../context';
import type { Drain, QueueLag } from '../lag/types';
import { findConnection, groupBrokers } from './brokers';

export interface GroupProgress {
  group: string;
  /** Drain over the last snapshot interval (needs two snapshots). */
  drain?: Drain;
  totalLag: number;
  totalInflight?: number;
  /** The group is consumed by POP (it has a POP retry topic, %RETRY%<group>_<topic>): popped-but-unacknowledged messages are not counted by any broker request, so in flight is unknown. */
  pop?: boolean;
  /** POP: messages popped and acknowledged per topic over the last minute and hour, as the masters count them. */
  popRates?: PopRate[];
  consumeTps: number;
  oldestUnconsumedTimestamp?: number;
  queues: QueueLag[];
  failures: BrokerFailure[];
  asOf: number;
}

/**
 * A POP group's counts on one topic, summed over the masters (BrokerStatsManager GROUP_CK_NUMS / GROUP_ACK_NUMS):
 * undefined where no master has counted any since it started. A window shows activity once the broker has sampled
 * after it (every 10 s for the minute, 10 min for the hour).
 */
export interface PopRate {
  topic: string;
  popped?: { lastMinute: number; lastHour: number };
  acked?: { lastMinute: number; lastHour: number };
}

async function popRatesOf(ctx: ClusterContext, masters: BrokerNode[], group: string, topics: string[]): Promise<{ rates: PopRate[]; failures: BrokerFailure[] }> {
  const { admin } = ctx;
  const count = async (name: string, topic: string) => {
    const { results, failures } = await fanOut(masters, (m) => viewBrokerStatsData(admin, m.addr, name, `${topic}@${group}`, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
    const recorded = results.flatMap((r) => (r.value.kind === 'stats' ? [r.value] : []));
    const total = recorded.length === 0 ? undefined : { lastMinute: recorded.reduce((n, v) => n + v.minute.sum, 0), lastHour: recorded.reduce((n, v) => n + v.hour.sum, 0) };
    return { total, failures: failures.map((f) => f.failure) };
  };
  const per = await Promise.all(
    topics.map(async (topic) => {
      const [popped, acked] = await Promise.all([count('GROUP_CK_NUMS', topic), count('GROUP_ACK_NUMS', topic)]);
      return { topic, popped, acked };
    }),
  );
  return {
    rates: per.map((p) => ({ topic: p.topic, ...(p.popped.total ? { popped: p.popped.total } : {}), ...(p.acked.total ? { acked: p.acked.total } : {}) })),
    failures: per.flatMap((p) => [...p.popped.failures, ...p.acked.failures]),
  };
}

/** Per topic, broker and queue offsets of one group, read fresh from every master (= mqadmin consumerProgress -g). */
export async function getGroupProgress(ctx: ClusterContext, input: { group: string }): Promise<GroupProgress> {
  const { group } = input;
  checkGroupName(group);
  const asOf = Date.now();
  const { masters, known } = await groupBrokers(ctx, group);
  const { admin } = ctx;
  const { results, failures } = await fanOut(masters, (m) => getConsumeStats(admin, m.addr, group, undefined, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
  // the later calls go to the masters that answered: one that did not (down, frozen) is named once, and does not
  // make the page wait for its timeout again at each step
  const answering = masters.filter((m) => !failures.some((f) => f.target.addr === m.addr));
  if (!known && failures.length === 0 && results.every((r) => r.value.queues.length === 0)) {
    const online = await findConnection(group, masters, admin);
    if (!online) throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  }
  // lag in time for the lagging queues, through the shared store-time cache
  await Promise.all(
    results.flatMap(({ target, value }) => {
      const byTopic = new Map<string, Array<{ queueId: number; consumerOffset: number }>>();
      for (const q of value.queues) {
        if (q.brokerOffset <= q.consumerOffset) continue;
        byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), { queueId: q.queueId, consumerOffset: q.consumerOffset }]);
      }
      return [...byTopic].map(([topic, lagging]) => ctx.lag.storeTimes.resolve(admin, target.addr, target.brokerName, group, topic, lagging));
    }),
  );
  const queues: QueueLag[] = results
    .flatMap(({ target, value }) =>
      value.queues.map((q) => {
        const lag = q.brokerOffset - q.consumerOffset;
        return {
          topic: q.topic,
          brokerName: q.brokerName,
          queueId: q.queueId,
          brokerOffset: q.brokerOffset,
          consumerOffset: q.consumerOffset,
          lag,
          inflight: q.pullOffset === undefined ? undefined : q.pullOffset - q.consumerOffset,
          lastTimestamp: q.lastTimestamp,
          oldestUnconsumedTimestamp: lag > 0 ? ctx.lag.storeTimes.get(target.brokerName, q.topic, q.queueId, q.consumerOffset) : undefined,
        };
      }),
    )
    .sort(compareMessageQueues);
  // POP: a POP retry topic (%RETRY%<group>_<topic>) says so; a group without remoting clients (gRPC clients of a
  // proxy pop; one that never retried has no such topic) is POP when the masters have counted pops or acks for it
  const popRetry = queues.some((q) => q.topic.startsWith(`%RETRY%${group}_`));
  const maybePop = popRetry || (queues.length > 0 && !(await findConnection(group, answering, admin)));
  const popTopics = [...new Set(queues.map((q) => q.topic))].filter((t) => !t.startsWith('%RETRY%'));
  const popped = maybePop ? await popRatesOf(ctx, answering, group, popTopics) : undefined;
  const pop = popRetry || Boolean(popped?.rates.some((r) => r.popped || r.acked));
  // the broker's pullOffset tracks PULL, not pops; what is popped and not yet acknowledged has no remoting getter
  if (pop) for (const q of queues) q.inflight = undefined;
  // rates need two reads some time apart: the background snapshot has them
  const snapshotted = ctx.lag.peek()?.groups.find((g) => g.group === group);
  const rates = new Map((snapshotted?.queues.toArray() ?? []).map((q) => [queueKey(q), q.drainRate]));
  for (const q of queues) q.drainRate = rates.get(queueKey(q));
  const oldest = Math.min(...queues.map((q) => q.oldestUnconsumedTimestamp ?? Number.POSITIVE_INFINITY));
  return {
    group,
    drain: snapshotted?.drain,
    totalLag: queues.reduce((n, q) => n + q.lag, 0),
    totalInflight: queues.some((q) => q.inflight !== undefined) ? queues.reduce((n, q) => n + (q.inflight ?? 0), 0) : undefined,
    ...(pop ? { pop, popRates: popped!.rates } : {}),
    consumeTps: results.reduce((n, r) => n + r.value.consumeTps, 0),
    oldestUnconsumedTimestamp: Number.isFinite(oldest) ? oldest : undefined,
    queues,
    failures: [...failures.map((f) => f.failure), ...slavesWithoutOffsets(results), ...(pop ? (popped?.failures ?? []) : [])],
    asOf,
  };
}

/**
 * A slave read because its master is down that reports no offsets at all: a 5.x slave keeps none (a 4.9 one syncs
 * them from its master), so the group's lag there is unknown, not zero.
 */
function slavesWithoutOffsets(results: Array<{ target: { brokerName: string; brokerId: number; addr: string }; value: { queues: unknown[] } }>): BrokerFailure[] {
  return results
    .filter((r) => r.target.brokerId !== 0 && r.value.queues.length === 0)
    .map((r) => ({ brokerName: r.target.brokerName, addr: r.target.addr, error: 'its master is down and this slave holds no consumer offsets: the lag on its queues is unknown until the master is back' }));
}

