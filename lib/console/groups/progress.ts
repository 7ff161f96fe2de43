import { getConsumeStats } from '../../rocketmq/get-consume-stats';
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
  consumeTps: number;
  oldestUnconsumedTimestamp?: number;
  queues: QueueLag[];
  failures: BrokerFailure[];
  asOf: number;
}

/** Per topic, broker and queue offsets of one group, read fresh from every master (= mqadmin consumerProgress -g). */
export async function getGroupProgress(ctx: ClusterContext, input: { group: string }): Promise<GroupProgress> {
  const { group } = input;
  checkGroupName(group);
  const asOf = Date.now();
  const { masters, known } = await groupBrokers(ctx, group);
  const { admin } = ctx;
  const { results, failures } = await fanOut(masters, (m) => getConsumeStats(admin, m.addr, group, undefined, admin.config.requestTimeoutMs), admin.config.fanOutDeadlineMs);
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
  // POP: the broker's pullOffset tracks PULL, not pops; what is popped and not yet acknowledged has no remoting getter
  const pop = queues.some((q) => q.topic.startsWith(`%RETRY%${group}_`));
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
    ...(pop ? { pop } : {}),
    consumeTps: results.reduce((n, r) => n + r.value.consumeTps, 0),
    oldestUnconsumedTimestamp: Number.isFinite(oldest) ? oldest : undefined,
    queues,
    failures: [...failures.map((f) => f.failure), ...slavesWithoutOffsets(results)],
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

