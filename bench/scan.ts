/**
 * Issue 6 figure: time-range scan throughput in messages/s. A topic of 16 queues (8 on each master) is filled with
 * BENCH_SCAN_MESSAGES messages (50,000 by default); then our scanTopic reads the whole fill window, 10,000 messages
 * a request and continuing with the cursor as the page does, and the official Java client (DefaultMQPullConsumer as
 * TOOLS_CONSUMER, sandbox/java/ScanBench.java) reads the same range in one warm JVM. Both read four queues at a time
 * and pull 32 messages per call; both warm up once, then the median of BENCH_SCAN_RUNS timed runs is compared.
 */
import type { ClusterContext } from '../lib/console/context';
import { benchConsole } from './console';
import { scanTopic } from '../lib/console/messages/scan';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { updateAndCreateTopic } from '../lib/rocketmq/update-and-create-topic';
import { runJava, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';

const TOPIC = 'BenchScan';
const MESSAGES = Number(process.env.BENCH_SCAN_MESSAGES ?? 50_000);
const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 5);

export interface ScanBenchResult {
  messages: number;
  oursMsgsPerSec: number;
  javaMsgsPerSec: number;
  /** ours / Java: above 1 means we are faster. */
  ratio: number;
  oursRuns: Array<{ messages: number; ms: number; requests: number }>;
  javaRuns: Array<{ messages: number; ms: number }>;
  passed: boolean;
}

/** One full scan of the range the way the page reads it: requests of at most 10,000 messages, chained by cursor. */
async function scanAll(ctx: ClusterContext, begin: number, end: number): Promise<{ messages: number; ms: number; requests: number }> {
  const started = performance.now();
  let messages = 0;
  let requests = 0;
  let cursor: string | undefined;
  do {
    requests++;
    let next: string | undefined;
    for await (const e of scanTopic(ctx, { topic: TOPIC, begin, end, limit: 10_000, deadlineMs: 120_000, cursor, bodies: true })) {
      if (e.type === 'messages') messages += e.messages.length;
      else if (e.type === 'failure') throw new Error(`scan failed on ${e.brokerName}: ${e.error}`);
      else if (e.type === 'done') next = e.cursor;
    }
    cursor = next;
  } while (cursor);
  return { messages, ms: performance.now() - started, requests };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function scanBench(cluster: BenchCluster): Promise<ScanBenchResult> {
  const { console: app, ctx } = benchConsole(cluster.namesrv, { requestTimeoutMs: 10_000, fanOutDeadlineMs: 30_000 });
  const { admin } = ctx;
  try {
    const info = await getBrokerClusterInfo(admin, cluster.namesrv.split(';')[0]!);
    const masters = [...info.brokers.values()].map((b) => b.brokerAddrs.get(0)!).filter(Boolean);
    for (const addr of masters) await updateAndCreateTopic(admin, addr, { topic: TOPIC, readQueueNums: 8, writeQueueNums: 8 });
    await new Promise((r) => setTimeout(r, 3000)); // the brokers re-register the topic with the namesrv
    const [fill] = runJava<{ sent: number; ms: number; begin: number; end: number }>('ScanBench.java', ['--ns', cluster.namesrv, '--topic', TOPIC, '--fill', String(MESSAGES)], cluster.env);
    if (!fill) throw new Error('ScanBench.java --fill printed nothing');
    console.log(`\nFilled ${TOPIC} (${8 * masters.length} queues) with ${fmt(fill.sent)} messages in ${fmt(fill.ms)} ms`);
    // the range is the fill window: every message the bench sent, and nothing else
    const begin = fill.begin;
    const end = fill.end;

    await scanAll(ctx, begin, end); // warm-up: JIT, connections, the brokers' page cache
    const oursRuns = [];
    for (let i = 0; i < RUNS; i++) oursRuns.push(await scanAll(ctx, begin, end));

    const javaRuns = runJava<{ run: number; messages: number; ms: number; msgsPerSec: number }>(
      'ScanBench.java',
      ['--ns', cluster.namesrv, '--topic', TOPIC, '--begin', String(begin), '--end', String(end), '--runs', String(RUNS), '--threads', '4'],
      cluster.env,
    ).map(({ messages, ms }) => ({ messages, ms }));

    const oursMsgsPerSec = median(oursRuns.map((r) => r.messages / (r.ms / 1000)));
    const javaMsgsPerSec = median(javaRuns.map((r) => r.messages / (r.ms / 1000)));
    const counts = new Set([fill.sent, ...oursRuns.map((r) => r.messages), ...javaRuns.map((r) => r.messages)]);
    const result: ScanBenchResult = {
      messages: fill.sent,
      oursMsgsPerSec,
      javaMsgsPerSec,
      ratio: oursMsgsPerSec / javaMsgsPerSec,
      oursRuns,
      javaRuns,
      // no speed target in the issue: the figures must be of the same messages
      passed: counts.size === 1 && javaRuns.length === RUNS,
    };
    console.log(`Time-range scan of ${fmt(fill.sent)} messages (median of ${RUNS} warm runs; 4 queues at a time, 32 per pull)`);
    console.log(
      table(
        ['reader', 'messages', 'ms per run', 'messages/s'],
        [
          [`ours (scanTopic, ${oursRuns[0]?.requests ?? 0} requests of <= 10,000)`, fmt(oursRuns[0]?.messages ?? 0), oursRuns.map((r) => fmt(r.ms)).join(' / '), fmt(oursMsgsPerSec)],
          ['Java DefaultMQPullConsumer (one warm JVM)', fmt(javaRuns[0]?.messages ?? 0), javaRuns.map((r) => fmt(r.ms)).join(' / '), fmt(javaMsgsPerSec)],
        ],
      ),
    );
    console.log(`ratio ours / Java: ${result.ratio.toFixed(2)}x${result.passed ? '' : `; message counts differ: ${[...counts].join(', ')}`}`);
    return result;
  } finally {
    await app.close();
  }
}
