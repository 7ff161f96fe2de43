/**
 * Issue 15 figure 1: time-range scan throughput, ours against the official Java pull consumer in the same run.
 * A topic of 16 queues (8 on each master) is filled with BENCH_SCAN_MESSAGES messages (50,000 by default); then our
 * scanTopic reads the whole fill window, 10,000 messages a request and continuing with the cursor as the page does,
 * and the official Java client (DefaultMQPullConsumer as TOOLS_CONSUMER, sandbox/java/ScanBench.java) reads the same
 * range in one warm JVM, pulling 32 messages per call, with 4 threads (a queue each, as a tool would) and with 16
 * (every queue at once: the most the Java client gets). Twice: with no filter, and with a tag on the broker plus
 * a text filtered by the reader. Both warm up once; the median of BENCH_SCAN_RUNS timed runs is compared.
 * Then the 1,000,000-message scan through the console's HTTP API (bench/scan-large.ts).
 */
import type { ClusterContext } from '../lib/console/context';
import { benchConsole } from './console';
import { scanTopic } from '../lib/console/messages/scan';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { updateAndCreateTopic } from '../lib/rocketmq/update-and-create-topic';
import type { BenchRow } from './rows';
import { largeScanBench, type LargeScanResult } from './scan-large';
import { runJava, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';

const TOPIC = 'BenchScan';
const MESSAGES = Number(process.env.BENCH_SCAN_MESSAGES ?? 50_000);
const RUNS = Number(process.env.BENCH_SCAN_RUNS ?? 5);
/** Ours must read at least this much faster than the better of the Java runs. */
const GOAL = 1.2;

interface Filter {
  name: string;
  tag?: string;
  text?: string;
}
const FILTERS: Filter[] = [{ name: 'no filter' }, { name: 'tag TagA on the broker, text "cust-42" here', tag: 'TagA', text: 'cust-42' }];

export interface ScanCase {
  filter: string;
  matched: number;
  oursMs: number;
  java4Ms: number;
  java16Ms: number;
  /** Messages of the range read per second (the fill window holds MESSAGES). */
  oursMsgsPerSec: number;
  java4MsgsPerSec: number;
  java16MsgsPerSec: number;
  /** ours / the faster Java reader: above 1 means we are faster. */
  ratio: number;
  oursRuns: Array<{ matched: number; ms: number; requests: number }>;
}

export interface ScanBenchResult {
  messages: number;
  cases: ScanCase[];
  large?: LargeScanResult;
  rows: BenchRow[];
  passed: boolean;
}

/** One full scan of the range the way the page reads it: requests of at most 10,000 messages, chained by cursor. */
async function scanAll(ctx: ClusterContext, begin: number, end: number, filter: Filter): Promise<{ matched: number; ms: number; requests: number }> {
  const started = performance.now();
  let matched = 0;
  let requests = 0;
  let cursor: string | undefined;
  do {
    requests++;
    let next: string | undefined;
    const request = { topic: TOPIC, begin, end, limit: 10_000, deadlineMs: 120_000, cursor, bodies: true, ...(filter.tag ? { tag: filter.tag } : {}), ...(filter.text ? { text: filter.text } : {}) };
    for await (const e of scanTopic(ctx, request)) {
      if (e.type === 'messages') matched += e.messages.length;
      else if (e.type === 'failure') throw new Error(`scan failed on ${e.brokerName}: ${e.error}`);
      else if (e.type === 'done') next = e.cursor;
    }
    cursor = next;
  } while (cursor);
  return { matched, ms: performance.now() - started, requests };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function javaScan(cluster: BenchCluster, begin: number, end: number, filter: Filter, threads: number): Array<{ messages: number; ms: number }> {
  const args = ['--ns', cluster.namesrv, '--topic', TOPIC, '--begin', String(begin), '--end', String(end), '--runs', String(RUNS), '--threads', String(threads)];
  if (filter.tag) args.push('--tag', filter.tag);
  if (filter.text) args.push('--text', filter.text);
  return runJava<{ messages: number; ms: number }>('ScanBench.java', args, cluster.env).map(({ messages, ms }) => ({ messages, ms }));
}

export async function scanBench(cluster: BenchCluster): Promise<ScanBenchResult> {
  const { console: app, ctx } = benchConsole(cluster.namesrv, { requestTimeoutMs: 10_000, fanOutDeadlineMs: 30_000 });
  const { admin } = ctx;
  const cases: ScanCase[] = [];
  let sameCounts = true;
  let fill: { sent: number; ms: number; begin: number; end: number } | undefined;
  try {
    const info = await getBrokerClusterInfo(admin, cluster.namesrv.split(';')[0]!);
    const masters = [...info.brokers.values()].map((b) => b.brokerAddrs.get(0)!).filter(Boolean);
    for (const addr of masters) await updateAndCreateTopic(admin, addr, { topic: TOPIC, readQueueNums: 8, writeQueueNums: 8 });
    await new Promise((r) => setTimeout(r, 3000)); // the brokers re-register the topic with the namesrv
    [fill] = runJava<{ sent: number; ms: number; begin: number; end: number }>('ScanBench.java', ['--ns', cluster.namesrv, '--topic', TOPIC, '--fill', String(MESSAGES)], cluster.env);
    if (!fill) throw new Error('ScanBench.java --fill printed nothing');
    console.log(`\nFilled ${TOPIC} (${8 * masters.length} queues) with ${fmt(fill.sent)} messages in ${fmt(fill.ms)} ms`);
    // the range is the fill window: every message the bench sent, and nothing else
    const { begin, end } = fill;
    for (const filter of FILTERS) {
      await scanAll(ctx, begin, end, filter); // warm-up: JIT, connections, the brokers' page cache
      const oursRuns = [];
      for (let i = 0; i < RUNS; i++) oursRuns.push(await scanAll(ctx, begin, end, filter));
      const java4 = javaScan(cluster, begin, end, filter, 4);
      const java16 = javaScan(cluster, begin, end, filter, 16);
      const counts = new Set([...oursRuns.map((r) => r.matched), ...java4.map((r) => r.messages), ...java16.map((r) => r.messages)]);
      if (!filter.tag && !filter.text) counts.add(fill.sent);
      sameCounts &&= counts.size === 1 && java4.length === RUNS && java16.length === RUNS;
      const oursMs = median(oursRuns.map((r) => r.ms));
      const java4Ms = median(java4.map((r) => r.ms));
      const java16Ms = median(java16.map((r) => r.ms));
      const perSec = (ms: number) => fill!.sent / (ms / 1000);
      cases.push({
        filter: filter.name,
        matched: oursRuns[0]!.matched,
        oursMs,
        java4Ms,
        java16Ms,
        oursMsgsPerSec: perSec(oursMs),
        java4MsgsPerSec: perSec(java4Ms),
        java16MsgsPerSec: perSec(java16Ms),
        ratio: Math.min(java4Ms, java16Ms) / oursMs,
        oursRuns,
      });
      if (counts.size !== 1) console.log(`  ${filter.name}: the readers found different counts: ${[...counts].join(', ')}`);
    }
  } finally {
    await app.close();
  }

  console.log(`Time-range scan of ${fmt(fill.sent)} messages over 16 queues (median of ${RUNS} warm runs; messages of the range read per second)`);
  console.log(
    table(
      ['filter', 'matched', 'ours ms', 'ours msg/s', 'Java 4 threads msg/s', 'Java 16 threads msg/s', 'ours / faster Java'],
      cases.map((c) => [c.filter, fmt(c.matched), fmt(c.oursMs), fmt(c.oursMsgsPerSec), fmt(c.java4MsgsPerSec), fmt(c.java16MsgsPerSec), `${c.ratio.toFixed(2)}x`]),
    ),
  );
  const rows: BenchRow[] = cases.map((c) => ({
    figure: `range scan, ${fmt(fill!.sent)} messages, ${c.filter} (msg/s)`,
    ours: fmt(c.oursMsgsPerSec),
    reference: `${fmt(Math.max(c.java4MsgsPerSec, c.java16MsgsPerSec))} Java pull consumer (${c.java16Ms < c.java4Ms ? 16 : 4} threads)`,
    ratio: `${c.ratio.toFixed(2)}x`,
    goal: `>= ${GOAL}x`,
    met: c.ratio >= GOAL,
    ...(c.ratio >= GOAL
      ? {}
      : { why: `ours / Java 4 threads ${(c.oursMsgsPerSec / c.java4MsgsPerSec).toFixed(2)}x; the limit is CPU per message on Node's one thread, while Java decodes on ${c.java16Ms < c.java4Ms ? 16 : 4} threads` }),
  }));
  const large = process.env.BENCH_SCAN_LARGE === '0' ? undefined : await largeScanBench(cluster);
  if (large) rows.push(...large.rows);
  return { messages: fill.sent, cases, ...(large ? { large } : {}), rows, passed: sameCounts && rows.every((r) => r.met !== false) };
}
