/**
 * Issue 4 figures at 2,000 and 10,000 consumer groups, measured side by side: the seeded groups have offsets on
 * three topics (random positions, so they lag), a retry topic (so mqadmin finds them) and no client.
 *  - floor: a bare pipelined GET_CONSUME_STATS loop over every group on every master (the least any list needs)
 *  - snapshot: the console's full lag snapshot (configs, consume stats, connections; then lag ages), cold and warm
 *  - first page of GET /api/clusters/bench/groups?sort=-lag on a fresh console process (cold) and again (warm), and
 *    its RSS then and at its peak over the next two background refreshes; that console serves a second, small
 *    cluster beside the bench one (its own snapshot and sampler), as a team's console serves several
 *  - `mqadmin consumerProgress` for all groups
 * Targets: warm first page <= 300 ms at 10,000 groups; snapshot <= 1.5x the floor; RSS <= 300 MB.
 */
import { ConnectionPool } from '../lib/remoting';
import { benchConsole } from './console';
import { buildLagSnapshot, newSnapshotMemory } from '../lib/console/lag/snapshot';
import { getAllSubscriptionGroupConfig } from '../lib/rocketmq/get-all-subscriptiongroup-config';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { getConsumeStats } from '../lib/rocketmq/get-consume-stats';
import { getTopicStatsInfo } from '../lib/rocketmq/get-topic-stats-info';
import { updateAndCreateSubscriptionGroupList } from '../lib/rocketmq/update-and-create-subscriptiongroup-list';
import { updateAndCreateTopicList } from '../lib/rocketmq/update-and-create-topic-list';
import { updateConsumerOffset } from '../lib/rocketmq/update-consumer-offset';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PerKeyLimiter } from './per-key-limiter';
import { startConsole, timedGet } from '../test-support/console-server';
import { DEFAULT_PORTS, testPort } from '../test-support/sandbox';
import { consoleNodeOptions, runJava, timeMqadmin, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';

export const TOPICS = ['BenchTopicA', 'BenchTopicB', 'BenchTopicC'];
const CONCURRENCY = 64;
/** The console's snapshot interval in the bench: RSS is watched over two refreshes. */
const REFRESH_MS = 30_000;

export interface GroupsFigures {
  groups: number;
  floorMs: number;
  snapshotColdMs: number;
  snapshotWarmMs: number;
  snapshotPhases: { configsMs: number; statsMs: number; connectionsMs: number; agesMs: number };
  firstPageColdMs: number;
  firstPageWarmP50Ms: number;
  firstPageWarmP99Ms: number;
  mqadminMs: number;
  mqadminGroups: number;
  /** RSS after the first page and the warm pages. */
  rssMb: number;
  /** Highest RSS while the console then runs two background refreshes (snapshot, sampler). */
  rssPeakMb: number;
}

export async function groupsBench(cluster: BenchCluster, counts: number[], second: BenchCluster): Promise<{ figures: GroupsFigures[]; passed: boolean }> {
  const pool = new ConnectionPool();
  const { masters, maxOffsets } = await prepareSeeding(pool, cluster);
  const figures: GroupsFigures[] = [];
  let seeded = 0;
  for (const count of counts) {
    const t0 = performance.now();
    await seed(pool, masters, maxOffsets, seeded, count);
    seeded = count;
    console.log(`\nseeded ${fmt(count)} bench groups in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    figures.push(await measure(pool, cluster, masters, count, second));
  }
  pool.close();

  console.log('\nConsumer groups: list, lag snapshot and the floor (pipelined GET_CONSUME_STATS, 64 in flight per broker)');
  console.log(
    table(
      ['groups', 'mode', 'floor ms', 'snapshot cold ms', 'snapshot warm ms', 'warm/floor', 'page cold ms', 'page warm p50/p99 ms', 'mqadmin ms', 'RSS MB pages / peak'],
      figures.map((f) => [
        fmt(f.groups), '', fmt(f.floorMs), fmt(f.snapshotColdMs), fmt(f.snapshotWarmMs), `${(f.snapshotWarmMs / f.floorMs).toFixed(2)}x`,
        fmt(f.firstPageColdMs), `${f.firstPageWarmP50Ms.toFixed(1)} / ${f.firstPageWarmP99Ms.toFixed(1)}`, `${fmt(f.mqadminMs)} (${fmt(f.mqadminGroups)} groups)`, `${fmt(f.rssMb)} / ${fmt(f.rssPeakMb)}`,
      ]),
    ),
  );
  for (const f of figures) {
    console.log(`  ${fmt(f.groups)} groups, cold snapshot phases: configs ${fmt(f.snapshotPhases.configsMs)} ms, consume stats ${fmt(f.snapshotPhases.statsMs)} ms, connections ${fmt(f.snapshotPhases.connectionsMs)} ms, lag ages ${fmt(f.snapshotPhases.agesMs)} ms`);
  }
  const last = figures.at(-1)!;
  const checks = [
    { name: `warm first page at ${fmt(last.groups)} groups <= 300 ms`, ok: last.firstPageWarmP50Ms <= 300, value: `${last.firstPageWarmP50Ms.toFixed(1)} ms p50` },
    { name: 'warm snapshot <= 1.5x the floor', ok: last.snapshotWarmMs <= 1.5 * last.floorMs, value: `${(last.snapshotWarmMs / last.floorMs).toFixed(2)}x` },
    { name: 'console RSS <= 300 MB, after the pages and at its peak over two refreshes', ok: Math.max(last.rssMb, last.rssPeakMb) <= 300, value: `${fmt(last.rssMb)} / ${fmt(last.rssPeakMb)} MB` },
  ];
  for (const c of checks) console.log(`target ${c.name}: ${c.ok ? 'met' : 'NOT met'} (${c.value})`);
  return { figures, passed: checks.every((c) => c.ok) };
}

/** Sends to the bench topics (200 messages each, keys K-<topic>-<i>) and reads what seed needs: the masters and each queue's max offset. */
export async function prepareSeeding(pool: ConnectionPool, cluster: BenchCluster): Promise<{ masters: Array<{ brokerName: string; addr: string }>; maxOffsets: Map<string, number> }> {
  const info = await getBrokerClusterInfo(pool, cluster.namesrv.split(';')[0]!);
  const masters = [...info.brokers.values()].map((b) => ({ brokerName: b.brokerName, addr: b.brokerAddrs.get(0)! })).filter((m) => m.addr);
  for (const topic of TOPICS) {
    runJava('Producer.java', ['--ns', cluster.namesrv, '--topic', topic, '--order-topic', `${topic}Order`, '--count', '200', '--run', topic], cluster.env);
  }
  const maxOffsets = new Map<string, number>();
  for (const m of masters) {
    for (const topic of TOPICS) {
      for (const q of await getTopicStatsInfo(pool, m.addr, topic)) maxOffsets.set(`${m.addr}|${topic}|${q.queueId}`, q.maxOffset);
    }
  }
  return { masters, maxOffsets };
}

export async function seed(pool: ConnectionPool, masters: Array<{ brokerName: string; addr: string }>, maxOffsets: Map<string, number>, from: number, to: number): Promise<void> {
  const names = Array.from({ length: to - from }, (_, i) => `bench_cg_${String(from + i).padStart(5, '0')}`);
  for (let i = 0; i < names.length; i += 500) {
    const batch = names.slice(i, i + 500);
    for (const m of masters) {
      await updateAndCreateSubscriptionGroupList(pool, m.addr, batch.map((groupName) => ({ groupName })));
      await updateAndCreateTopicList(pool, m.addr, batch.map((g) => ({ topic: `%RETRY%${g}`, readQueueNums: 1, writeQueueNums: 1 })));
    }
  }
  const limiter = new PerKeyLimiter(CONCURRENCY);
  let random = from + 1;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2147483648; // deterministic offsets run to run
    return random / 2147483648;
  };
  const commits: Array<Promise<unknown>> = [];
  for (const group of names) {
    for (const m of masters) {
      for (const topic of TOPICS) {
        for (let queueId = 0; queueId < 4; queueId++) {
          const max = maxOffsets.get(`${m.addr}|${topic}|${queueId}`) ?? 0;
          const commitOffset = Math.floor(next() * (max + 1));
          commits.push(limiter.run(m.addr, () => updateConsumerOffset(pool, m.addr, { consumerGroup: group, topic, queueId, commitOffset })));
        }
      }
    }
  }
  await Promise.all(commits);
}

async function measure(pool: ConnectionPool, cluster: BenchCluster, masters: Array<{ brokerName: string; addr: string }>, count: number, second: BenchCluster): Promise<GroupsFigures> {
  // the floor: every group the brokers hold, one GET_CONSUME_STATS each per master, nothing else
  const groupsPerMaster = await Promise.all(masters.map(async (m) => ({ m, groups: [...(await getAllSubscriptionGroupConfig(pool, m.addr, 30_000)).keys()] })));
  const limiter = new PerKeyLimiter(CONCURRENCY);
  const floorStart = performance.now();
  await Promise.all(groupsPerMaster.flatMap(({ m, groups }) => groups.map((g) => limiter.run(m.addr, () => getConsumeStats(pool, m.addr, g)))));
  const floorMs = performance.now() - floorStart;

  const bench = benchConsole(cluster.namesrv, { requestTimeoutMs: 10_000, fanOutDeadlineMs: 30_000 });
  const { admin } = bench.ctx;
  const memory = newSnapshotMemory();
  const cold = await buildLagSnapshot(admin, memory, { concurrencyPerBroker: CONCURRENCY });
  memory.previous = cold;
  const warm = await buildLagSnapshot(admin, memory, { concurrencyPerBroker: CONCURRENCY });
  await bench.console.close();

  // BENCH_SKIP_MQADMIN: for quick runs while tuning (mqadmin takes minutes at 10,000 groups)
  const mq = process.env.BENCH_SKIP_MQADMIN ? { ms: Number.NaN, output: '' } : timeMqadmin(['consumerProgress'], cluster.env);
  const mqadminGroups = mq.output.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;

  // the console runs with the V8 flags npm start gives it (package.json config.consoleNodeOptions)
  const clustersFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-clusters-')), 'clusters.json');
  writeFileSync(clustersFile, JSON.stringify({ clusters: [{ name: 'bench', namesrv: cluster.namesrv }, { name: 'second', namesrv: second.namesrv }] }));
  const server = await startConsole(cluster.namesrv, testPort(DEFAULT_PORTS.benchConsole + (count % 7)), {
    CONSOLE_CONFIG: clustersFile,
    LAG_SNAPSHOT_INTERVAL_MS: String(REFRESH_MS),
    NODE_OPTIONS: process.env.BENCH_CONSOLE_NODE_OPTIONS ?? consoleNodeOptions(),
  });
  try {
    const url = `${server.url}/api/clusters/bench/groups?sort=-lag&pageSize=50`;
    const first = await timedGet(url);
    const warmTimes: number[] = [];
    for (let i = 0; i < 30; i++) warmTimes.push((await timedGet(url)).ms);
    warmTimes.sort((a, b) => a - b);
    const total = (first.body as { total: number }).total;
    if (total < count) throw new Error(`the console lists ${total} groups, expected at least ${count}`);
    // the second cluster's snapshot is in memory too before the RSS is read
    const secondTotal = ((await timedGet(`${server.url}/api/clusters/second/groups?system=show&pageSize=1`)).body as { total: number }).total;
    if (secondTotal < 4) throw new Error(`the console lists ${secondTotal} groups of the second cluster, expected the demo's`);
    const rssMb = server.rssMb();
    let rssPeakMb = rssMb;
    for (const until = Date.now() + 2 * REFRESH_MS + 5000; Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 250));
      rssPeakMb = Math.max(rssPeakMb, server.rssMb());
    }
    return {
      groups: count,
      floorMs,
      snapshotColdMs: cold.durationMs,
      snapshotWarmMs: warm.durationMs,
      snapshotPhases: cold.timings,
      firstPageColdMs: first.ms,
      firstPageWarmP50Ms: warmTimes[Math.floor(warmTimes.length / 2)]!,
      firstPageWarmP99Ms: warmTimes.at(-1)!,
      mqadminMs: mq.ms,
      mqadminGroups,
      rssMb,
      rssPeakMb,
    };
  } finally {
    await server.stop();
  }
}
