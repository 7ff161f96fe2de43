/**
 * The two references the lag snapshot is measured against (bench/groups.ts):
 *  - the floor: the snapshot's own broker calls, pipelined with the same in-flight bound, each answer decoded and
 *    nothing more done with it (no lag computed, nothing kept): what the list costs the brokers at the least;
 *  - the per-group way of mqadmin consumerProgress and the official dashboard: GET_CONSUME_STATS without a topic,
 *    one per group on each master. The broker then scans its whole offset table for the group's topics, so each call
 *    costs in proportion to the estate (90 ms at 50,000 groups against 5 ms with a topic): timed over a sample, and
 *    the whole loop estimated from it, said as such.
 */
import type { ConnectionPool } from '../lib/remoting';
import { forEachPerKey } from '../lib/console/core/per-key';
import { getAllConsumerOffset } from '../lib/rocketmq/get-all-consumer-offset';
import { getAllSubscriptionGroupConfig } from '../lib/rocketmq/get-all-subscriptiongroup-config';
import { getConsumeStats } from '../lib/rocketmq/get-consume-stats';
import { getConsumerConnectionList } from '../lib/rocketmq/get-consumer-connection-list';
import { getTopicStatsInfo } from '../lib/rocketmq/get-topic-stats-info';

type Master = { brokerName: string; addr: string };

export interface FloorFigures {
  ms: number;
  /** Broker calls it made. */
  calls: number;
}

export interface PerGroupSample {
  /** Calls timed (on every master, `sample` groups each). */
  calls: number;
  ms: number;
  /** Wall time per group, the masters answering side by side. */
  perCallMs: number;
  /** The whole per-group loop over every group the masters hold, estimated from the sample's rate. */
  estimatedAllMs: number;
  groups: number;
  /** Calls the brokers refused or that failed (flow control when busy): a loop that loses answers at this size. */
  refused: number;
}

/** The snapshot's calls in its order: configs and offset tables, topic stats, connection lists, online groups' stats. */
export async function snapshotCallsFloor(pool: ConnectionPool, masters: Master[], concurrency: number): Promise<FloorFigures> {
  const started = performance.now();
  let calls = 0;
  const tables = await Promise.all(
    masters.map(async (m) => {
      calls += 2;
      const [configs, offsets] = await Promise.all([getAllSubscriptionGroupConfig(pool, m.addr, 60_000), getAllConsumerOffset(pool, m.addr, 60_000)]);
      return { m, configs, offsets };
    }),
  );
  const topicCalls = tables.flatMap(({ m, configs, offsets }) => {
    const topics = new Set<string>();
    for (const [group, byTopic] of offsets.byGroup) if (configs.has(group)) for (const topic of byTopic.keys()) topics.add(topic);
    return [...topics].map((topic) => ({ m, topic }));
  });
  await forEachPerKey(topicCalls, (c) => c.m.addr, concurrency, async ({ m, topic }) => {
    calls++;
    await getTopicStatsInfo(pool, m.addr, topic, 30_000).catch(() => undefined);
  });
  // each group's clients asked at one master holding it, as the snapshot does
  const askedAt = new Map<string, Master>();
  for (const { m, configs } of tables) for (const group of configs.keys()) if (!askedAt.has(group)) askedAt.set(group, m);
  const online: Array<{ group: string; m: Master; topic: string }> = [];
  await forEachPerKey(askedAt.keys(), (group) => askedAt.get(group)!.addr, concurrency, async (group) => {
    calls++;
    const connection = await getConsumerConnectionList(pool, askedAt.get(group)!.addr, group, 30_000).catch(() => undefined);
    if (!connection || connection.connections.length === 0) return;
    const subscribed = new Set(connection.subscriptions.map((s) => s.topic));
    for (const { m, configs, offsets } of tables) {
      if (!configs.has(group)) continue;
      for (const topic of offsets.byGroup.get(group)?.keys() ?? []) if (subscribed.size === 0 || subscribed.has(topic)) online.push({ group, m, topic });
    }
  });
  await forEachPerKey(online, (c) => c.m.addr, concurrency, async ({ group, m, topic }) => {
    calls++;
    await getConsumeStats(pool, m.addr, group, topic, 30_000).catch(() => undefined);
  });
  return { ms: performance.now() - started, calls };
}

/** GET_CONSUME_STATS without a topic for the first `sample` groups of each master, `concurrency` in flight per master. */
export async function perGroupStatsSample(pool: ConnectionPool, masters: Master[], sample: number, concurrency: number): Promise<PerGroupSample> {
  const groupsPerMaster = await Promise.all(masters.map(async (m) => ({ m, groups: [...(await getAllSubscriptionGroupConfig(pool, m.addr, 60_000)).keys()] })));
  const calls = groupsPerMaster.flatMap(({ m, groups }) => groups.slice(0, sample).map((group) => ({ m, group })));
  const started = performance.now();
  let refused = 0;
  await forEachPerKey(calls, (c) => c.m.addr, concurrency, async ({ m, group }) => {
    // at 50,000 groups a busy broker sheds these ("[TIMEOUT_CLEAN_QUEUE]broker busy") after 5 s in its queue
    await getConsumeStats(pool, m.addr, group, undefined, 60_000).catch(() => refused++);
  });
  const ms = performance.now() - started;
  // the masters answer side by side: the whole loop takes as long as its longest master's share
  const most = Math.max(...groupsPerMaster.map((g) => g.groups.length));
  const perMaster = Math.min(sample, most);
  return {
    calls: calls.length,
    ms,
    perCallMs: ms / Math.max(1, perMaster),
    estimatedAllMs: perMaster === 0 ? 0 : (ms * most) / perMaster,
    groups: new Set(groupsPerMaster.flatMap((g) => g.groups)).size,
    refused,
  };
}
