/**
 * Issue 5 figures: preview of a reset by time of one group on a 64-queue topic (32 queues on each of two masters):
 * p50/p99 over repeated previews, our apply of the same reset, and the wall time of `mqadmin resetOffsetByTime`
 * doing that reset on an identical group. Target: preview p50 <= 200 ms.
 */
import { benchConsole } from './console';
import { applyReset } from '../lib/console/reset/apply';
import { previewReset } from '../lib/console/reset/preview';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { getTopicStatsInfo } from '../lib/rocketmq/get-topic-stats-info';
import { queryConsumeTimeSpan } from '../lib/rocketmq/query-consume-time-span';
import { updateAndCreateSubscriptionGroup } from '../lib/rocketmq/update-and-create-subscriptiongroup';
import { updateAndCreateTopic } from '../lib/rocketmq/update-and-create-topic';
import { updateConsumerOffset } from '../lib/rocketmq/update-consumer-offset';
import { runJava, timeMqadmin, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';

const TOPIC = 'BenchReset64';
const PREVIEWS = Number(process.env.BENCH_RESET_PREVIEWS ?? 50);

export async function resetBench(cluster: BenchCluster): Promise<{ previewP50Ms: number; previewP99Ms: number; applyMs: number; mqadminMs: number; passed: boolean }> {
  const { console: app, ctx, change } = benchConsole(cluster.namesrv, { requestTimeoutMs: 10_000, fanOutDeadlineMs: 30_000 });
  const { admin } = ctx;
  const info = await getBrokerClusterInfo(admin, cluster.namesrv.split(';')[0]!);
  const masters = [...info.brokers.values()].map((b) => b.brokerAddrs.get(0)!).filter(Boolean);
  for (const addr of masters) await updateAndCreateTopic(admin, addr, { topic: TOPIC, readQueueNums: 32, writeQueueNums: 32 });
  await new Promise((r) => setTimeout(r, 3000)); // the brokers re-register the topic with the namesrv
  runJava('Producer.java', ['--ns', cluster.namesrv, '--topic', TOPIC, '--order-topic', `${TOPIC}Order`, '--count', '640', '--run', 'reset', '--extras', 'false'], cluster.env);
  const groups = ['bench_reset_ours', 'bench_reset_mqadmin'];
  for (const addr of masters) {
    const queues = await getTopicStatsInfo(admin, addr, TOPIC);
    for (const groupName of groups) {
      await updateAndCreateSubscriptionGroup(admin, addr, { groupName });
      for (const q of queues) await updateConsumerOffset(admin, addr, { consumerGroup: groupName, topic: TOPIC, queueId: q.queueId, commitOffset: q.maxOffset });
    }
  }
  // a time in the middle of the messages' store times: about half of every queue is replayed
  const spans = (await Promise.all(masters.map((addr) => queryConsumeTimeSpan(admin, addr, TOPIC, groups[0]!)))).flat();
  const t = Math.round((Math.min(...spans.map((s) => s.minTimeStamp)) + Math.max(...spans.map((s) => s.maxTimeStamp))) / 2);
  const times: number[] = [];
  let last;
  for (let i = 0; i < PREVIEWS; i++) {
    const started = performance.now();
    last = await previewReset(ctx, { group: groups[0]!, topic: TOPIC, mode: 'timestamp', timestamp: t });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const applied = await applyReset(change, { group: groups[0]!, previewId: last!.previewId, confirm: groups[0]! });
  await app.close();
  const mq = timeMqadmin(['resetOffsetByTime', '-g', groups[1]!, '-t', TOPIC, '-s', String(t)], cluster.env);
  const result = {
    previewP50Ms: times[Math.floor(times.length / 2)]!,
    previewP99Ms: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]!,
    applyMs: applied.durationMs,
    mqadminMs: mq.ms,
    passed: false,
  };
  result.passed = result.previewP50Ms <= 200;
  console.log(`\nReset by time of one group on ${TOPIC} (${fmt(last!.queues.length)} queues on ${masters.length} masters, replaying ${fmt(last!.totals.replay)} messages)`);
  console.log(
    table(
      ['what', 'mode', 'p50 ms', 'p99 ms', 'ms'],
      [
        ['our preview (nothing changed)', '', result.previewP50Ms.toFixed(1), result.previewP99Ms.toFixed(1), ''],
        ['our apply of that preview (audited)', '', '', '', fmt(result.applyMs)],
        ['mqadmin resetOffsetByTime (one run, JVM included)', '', '', '', fmt(result.mqadminMs)],
      ],
    ),
  );
  console.log(`target preview p50 <= 200 ms: ${result.passed ? 'met' : 'NOT met'} (${result.previewP50Ms.toFixed(1)} ms; ${(result.mqadminMs / result.previewP50Ms).toFixed(0)}x faster than mqadmin's reset)`);
  return result;
}
