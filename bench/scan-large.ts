/**
 * Issue 15 figure 1, second half: a range scan of BENCH_SCAN_LARGE messages (1,000,000 by default) through the
 * console's HTTP API as the page reads it (NDJSON, requests of 10,000 chained by cursor), on a production console
 * process (`next start`): messages/s end to end, the console's RSS at its peak (sampled every 100 ms), and the time
 * from the request to the first row (the first `messages` line read by the client).
 */
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { updateAndCreateTopic } from '../lib/rocketmq/update-and-create-topic';
import { ConnectionPool } from '../lib/remoting';
import { startConsole } from '../test-support/console-server';
import { DEFAULT_PORTS, testPort } from '../test-support/sandbox';
import type { BenchRow } from './rows';
import { consoleNodeOptions, runJava, type BenchCluster } from './sandbox';
import { fmt } from './stats';

const TOPIC = 'BenchScanLarge';
const MESSAGES = Number(process.env.BENCH_SCAN_LARGE ?? 1_000_000);
/** The console process's RSS goal while it streams a scan of any size: the reader's pace bounds its memory. */
const RSS_GOAL_MB = 400;
const FIRST_ROW_GOAL_MS = 1000;

export interface LargeScanResult {
  messages: number;
  fillMs: number;
  read: number;
  requests: number;
  ms: number;
  msgsPerSec: number;
  firstRowMs: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  rows: BenchRow[];
}

interface Chunk {
  read: number;
  firstRowMs?: number;
  cursor?: string;
}

/** One request of the chain: reads its NDJSON line by line as the page does. */
async function readOnce(url: string, started: number): Promise<Chunk> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  const chunk: Chunk = { read: 0 };
  let buffer = '';
  const reader = response.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffer.slice(0, nl)) as { type: string; messages?: unknown[]; cursor?: string; error?: string; brokerName?: string };
      buffer = buffer.slice(nl + 1);
      if (event.type === 'messages') {
        chunk.read += event.messages!.length;
        chunk.firstRowMs ??= performance.now() - started;
      } else if (event.type === 'failure') throw new Error(`scan failed on ${event.brokerName}: ${event.error}`);
      else if (event.type === 'done') chunk.cursor = event.cursor;
    }
  }
  return chunk;
}

export async function largeScanBench(cluster: BenchCluster): Promise<LargeScanResult> {
  const pool = new ConnectionPool();
  try {
    const info = await getBrokerClusterInfo(pool, cluster.namesrv.split(';')[0]!);
    for (const b of info.brokers.values()) {
      const master = b.brokerAddrs.get(0);
      if (master) await updateAndCreateTopic(pool, master, { topic: TOPIC, readQueueNums: 8, writeQueueNums: 8 });
    }
  } finally {
    pool.close();
  }
  await new Promise((r) => setTimeout(r, 3000)); // the brokers re-register the topic with the namesrv
  const [fill] = runJava<{ sent: number; ms: number; begin: number; end: number }>('ScanBench.java', ['--ns', cluster.namesrv, '--topic', TOPIC, '--fill', String(MESSAGES)], cluster.env);
  if (!fill) throw new Error('ScanBench.java --fill printed nothing');
  console.log(`\nFilled ${TOPIC} with ${fmt(fill.sent)} messages in ${fmt(fill.ms)} ms`);

  const server = await startConsole(cluster.namesrv, testPort(DEFAULT_PORTS.scanConsole), { NODE_OPTIONS: consoleNodeOptions(), CLUSTER_KEY: 'bench' });
  try {
    const base = `${server.url}/api/clusters/bench/topics/${TOPIC}/messages?begin=${fill.begin}&end=${fill.end}&limit=10000&deadlineMs=120000`;
    // a small scan first: the route's code is loaded and the connections are open, as on a console in use
    await readOnce(`${server.url}/api/clusters/bench/topics/${TOPIC}/messages?begin=${fill.begin}&end=${fill.begin + 1000}&limit=100`, performance.now());
    const rssBeforeMb = server.rssMb();
    let rssPeakMb = rssBeforeMb;
    const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, server.rssMb())), 100);
    const started = performance.now();
    let read = 0;
    let requests = 0;
    let firstRowMs: number | undefined;
    let cursor: string | undefined;
    try {
      do {
        requests++;
        const chunk = await readOnce(cursor ? `${base}&cursor=${cursor}` : base, started);
        firstRowMs ??= chunk.firstRowMs;
        read += chunk.read;
        cursor = chunk.cursor;
      } while (cursor);
    } finally {
      clearInterval(sampler);
    }
    const ms = performance.now() - started;
    const msgsPerSec = read / (ms / 1000);
    const first = firstRowMs ?? Number.NaN;
    console.log(
      `Range scan of ${fmt(read)} messages through the HTTP API (${requests} requests of <= 10,000): ${fmt(ms)} ms, ${fmt(msgsPerSec)} msg/s, ` +
        `first row after ${fmt(first)} ms, console RSS ${fmt(rssBeforeMb)} MB before, ${fmt(rssPeakMb)} MB at its peak`,
    );
    const rows: BenchRow[] = [
      { figure: `range scan of ${fmt(fill.sent)} messages over HTTP (msg/s)`, ours: fmt(msgsPerSec), ...(read === fill.sent ? {} : { met: false, why: `read ${fmt(read)} of ${fmt(fill.sent)}` }) },
      { figure: `  first row of that scan (ms)`, ours: fmt(first), goal: `<= ${fmt(FIRST_ROW_GOAL_MS)}`, met: first <= FIRST_ROW_GOAL_MS },
      { figure: `  console RSS peak during it (MB)`, ours: fmt(rssPeakMb), reference: `${fmt(rssBeforeMb)} before`, goal: `<= ${RSS_GOAL_MB}`, met: rssPeakMb <= RSS_GOAL_MB },
    ];
    return { messages: fill.sent, fillMs: fill.ms, read, requests, ms, msgsPerSec, firstRowMs: first, rssBeforeMb, rssPeakMb, rows };
  } finally {
    await server.stop();
  }
}
