/**
 * Issue 4 and 15 figures at 10,000 and 50,000 consumer groups (BENCH_GROUPS), measured side by side: the seeded groups have offsets on
 * three topics (random positions, so they lag), a retry topic (so mqadmin finds them) and no client.
 *  - floor: the snapshot's own broker calls, bare and pipelined; and the per-group GET_CONSUME_STATS loop of mqadmin
 *    consumerProgress and the dashboard, timed over a sample (bench/groups-floor.ts)
 *  - snapshot: the console's full lag snapshot (configs and offset tables, topic stats, connections, online groups'
 *    consume stats; then lag ages), cold and warm
 *  - first page of GET /api/clusters/bench/groups?sort=-lag on a fresh console process (cold) and again (warm), and
 *    its RSS then and at its peak over the next two background refreshes; that console serves a second, small
 *    cluster beside the bench one (its own snapshot and sampler), as a team's console serves several
 *  - `mqadmin consumerProgress` for all groups
 *  - cold start: from spawning the console to the cluster overview API and to the group list's first rows (with the
 *    snapshot's progress answered before), the history sampler's cost per round, one /api/metrics scrape
 * Targets (issue 15): warm first page <= 300 ms at 50,000 groups; snapshot <= 1.5x the floor; RSS <= 400 MB.
 */
import { ConnectionPool } from '../lib/remoting';
import { benchConsole } from './console';
import { buildLagSnapshot, newSnapshotMemory } from '../lib/console/lag/snapshot';
import { getAllSubscriptionGroupConfig } from '../lib/rocketmq/get-all-subscriptiongroup-config';
import { getAllConsumerOffset } from '../lib/rocketmq/get-all-consumer-offset';
import { forEachPerKey } from '../lib/console/core/per-key';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { getTopicStatsInfo } from '../lib/rocketmq/get-topic-stats-info';
import { updateAndCreateSubscriptionGroupList } from '../lib/rocketmq/update-and-create-subscriptiongroup-list';
import { updateAndCreateTopicList } from '../lib/rocketmq/update-and-create-topic-list';
import { updateConsumerOffset } from '../lib/rocketmq/update-consumer-offset';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { perGroupStatsSample, snapshotCallsFloor, type PerGroupSample } from './groups-floor';
import { startConsole, timedGet } from '../test-support/console-server';
import { DEFAULT_PORTS, testPort } from '../test-support/sandbox';
import { consoleNodeOptions, runJava, timeMqadmin, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';
import type { BenchRow } from './rows';
import { LagHistorySampler } from '../lib/console/lag/history';
import { openStore } from '../lib/console/store';
import { createLog } from '../lib/console/core/log';

export const TOPICS = ['BenchTopicA', 'BenchTopicB', 'BenchTopicC'];
const CONCURRENCY = 64;
/** Offset commits in flight per broker while seeding, and groups per config batch. */
const SEED_CONCURRENCY = 256;
const SEED_BATCH = 5000;
/** The console's snapshot interval in the bench: RSS is watched over two refreshes. */
const REFRESH_MS = 30_000;

export interface GroupsFigures {
  groups: number;
  /** The snapshot's own calls, bare (bench/groups-floor.ts). */
  floorMs: number;
  floorCalls: number;
  /** The per-group GET_CONSUME_STATS loop of mqadmin consumerProgress and the dashboard, over a sample. */
  perGroup: PerGroupSample;
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
  /** From spawning the console process: `next start` ready, the cluster overview API answered, the group list's first page with rows. */
  coldStart: { readyMs: number; overviewMs: number; overviewFailures: string[]; groupsMs: number; progressAnswers: number; lastProgress?: string };
  /** The lag history sampler over this snapshot (SQLite store): the first round writes every group and queue, the next only what changed. */
  sampler: { firstRoundMs: number; firstRows: number; nextRoundMs: number; nextRows: number; intervalMs: number };
  /** One /api/metrics scrape (warm): bytes, ms and sample lines. */
  metrics: { bytes: number; ms: number; lines: number };
}

export async function groupsBench(cluster: BenchCluster, counts: number[], second: BenchCluster): Promise<{ figures: GroupsFigures[]; rows: BenchRow[]; passed: boolean }> {
  const pool = new ConnectionPool();
  const { masters, maxOffsets } = await prepareSeeding(pool, cluster);
  const figures: GroupsFigures[] = [];
  for (const count of counts) {
    const t0 = performance.now();
    const added = await seed(pool, masters, maxOffsets, 0, count);
    console.log(`\nseeded ${fmt(added)} of ${fmt(count)} bench groups in ${fmt((performance.now() - t0) / 1000, 1)} s (the rest were there from an earlier run)`);
    figures.push(await measure(pool, cluster, masters, count, second));
  }
  pool.close();

  console.log(`\nConsumer groups: list, lag snapshot and the floor (the snapshot's own calls, bare, ${CONCURRENCY} in flight per broker)`);
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
  for (const f of figures) {
    console.log(`  ${fmt(f.groups)} groups, cold start: ready ${fmt(f.coldStart.readyMs)} ms, cluster overview ${fmt(f.coldStart.overviewMs)} ms${f.coldStart.overviewFailures.length > 0 ? ` (after ${f.coldStart.overviewFailures.length} failed answers: ${f.coldStart.overviewFailures[0]})` : ''}, group list rows ${fmt(f.coldStart.groupsMs)} ms (${f.coldStart.progressAnswers} progress answers before, last "${f.coldStart.lastProgress ?? ''}")`);
    console.log(`  ${fmt(f.groups)} groups, lag history sampler: first round ${fmt(f.sampler.firstRoundMs)} ms (${fmt(f.sampler.firstRows)} rows), next ${fmt(f.sampler.nextRoundMs)} ms (${fmt(f.sampler.nextRows)} rows), every ${fmt(f.sampler.intervalMs)} ms`);
    console.log(`  ${fmt(f.groups)} groups, /api/metrics: ${fmt(f.metrics.bytes / 1e6, 1)} MB, ${fmt(f.metrics.lines)} samples, ${fmt(f.metrics.ms)} ms`);
  }
  const last = figures.at(-1)!;
  const rows = figures.flatMap((f) => groupRows(f));
  const checks = [
    { name: `warm first page at ${fmt(last.groups)} groups <= 300 ms`, ok: last.firstPageWarmP50Ms <= 300, value: `${last.firstPageWarmP50Ms.toFixed(1)} ms p50` },
    { name: 'warm snapshot <= 1.5x the floor', ok: last.snapshotWarmMs <= 1.5 * last.floorMs, value: `${(last.snapshotWarmMs / last.floorMs).toFixed(2)}x` },
    { name: 'console RSS <= 400 MB, after the pages and at its peak over two refreshes', ok: Math.max(last.rssMb, last.rssPeakMb) <= 400, value: `${fmt(last.rssMb)} / ${fmt(last.rssPeakMb)} MB` },
  ];
  for (const c of checks) console.log(`target ${c.name}: ${c.ok ? 'met' : 'NOT met'} (${c.value})`);
  return { figures, rows, passed: checks.every((c) => c.ok) };
}

/** Issue 15's side-by-side rows for one group count. */
function groupRows(f: GroupsFigures): BenchRow[] {
  const at = `at ${fmt(f.groups)} groups`;
  const ratio = f.snapshotWarmMs / f.floorMs;
  const rss = Math.max(f.rssMb, f.rssPeakMb);
  const samplerMs = Math.max(f.sampler.firstRoundMs, f.sampler.nextRoundMs);
  return [
    { figure: `group list first page sorted by lag, warm p50 ${at}`, ours: `${f.firstPageWarmP50Ms.toFixed(1)} ms`, goal: '<= 300 ms', met: f.firstPageWarmP50Ms <= 300, why: f.firstPageWarmP50Ms <= 300 ? undefined : 'see the CPU profile of the route' },
    { figure: `full lag snapshot, warm ${at}`, ours: `${fmt(f.snapshotWarmMs)} ms`, reference: `the snapshot's ${fmt(f.floorCalls)} calls bare: ${fmt(f.floorMs)} ms`, ratio: `${ratio.toFixed(2)}x`, goal: '<= 1.5x floor', met: ratio <= 1.5, why: ratio <= 1.5 ? undefined : `phases: configs ${fmt(f.snapshotPhases.configsMs)}, offsets ${fmt(f.snapshotPhases.statsMs)}, connections ${fmt(f.snapshotPhases.connectionsMs)}, ages ${fmt(f.snapshotPhases.agesMs)} ms (cold)` },
    {
      figure: `all groups' lag, the per-group way ${at}`,
      ours: `${fmt(f.snapshotWarmMs)} ms (snapshot)`,
      reference: `GET_CONSUME_STATS per group, 8 in flight: ${fmt(f.perGroup.perCallMs, 1)} ms a group, ~${fmt(f.perGroup.estimatedAllMs / 1000)} s for all (estimated from ${fmt(f.perGroup.calls)} calls${f.perGroup.refused > 0 ? `, ${fmt(f.perGroup.refused)} refused` : ''})`,
      ratio: `${(f.perGroup.estimatedAllMs / f.snapshotWarmMs).toFixed(1)}x faster`,
    },
    { figure: `all groups' consume progress ${at}`, ours: `${fmt(f.snapshotWarmMs)} ms (snapshot)`, reference: Number.isNaN(f.mqadminMs) ? undefined : `mqadmin consumerProgress ${fmt(f.mqadminMs)} ms`, ratio: Number.isNaN(f.mqadminMs) ? undefined : `${(f.mqadminMs / f.snapshotWarmMs).toFixed(1)}x faster` },
    { figure: `console RSS peak over two refreshes ${at}`, ours: `${fmt(rss)} MB`, goal: '<= 400 MB', met: rss <= 400, why: rss <= 400 ? undefined : 'main thread and snapshot thread each hold a snapshot' },
    { figure: `lag history sampler round ${at}`, ours: `${fmt(f.sampler.firstRoundMs)} ms first (${fmt(f.sampler.firstRows)} rows), ${fmt(f.sampler.nextRoundMs)} ms next`, goal: `< interval ${fmt(f.sampler.intervalMs)} ms`, met: samplerMs < f.sampler.intervalMs, why: samplerMs < f.sampler.intervalMs ? undefined : 'the sampler falls behind its interval' },
    { figure: `/api/metrics scrape ${at}`, ours: `${fmt(f.metrics.bytes / 1e6, 1)} MB, ${fmt(f.metrics.lines)} samples, ${fmt(f.metrics.ms)} ms` },
    {
      figure: `cold start to the cluster overview ${at}`,
      ours: `${fmt(f.coldStart.overviewMs)} ms`,
      why: f.coldStart.overviewFailures.length > 0 ? `answered ${f.coldStart.overviewFailures.length} failure(s) first: ${f.coldStart.overviewFailures[0]}` : undefined,
    },
    { figure: `cold start to the group list's first rows ${at}`, ours: `${fmt(f.coldStart.groupsMs)} ms`, why: `${f.coldStart.progressAnswers} progress answers before the rows` },
  ];
}

/** Sends to the bench topics (200 messages each, keys K-<topic>-<i>) and reads what seed needs: the masters and each queue's max offset. */
export async function prepareSeeding(pool: ConnectionPool, cluster: BenchCluster): Promise<{ masters: Array<{ brokerName: string; addr: string }>; maxOffsets: Map<string, number> }> {
  const info = await getBrokerClusterInfo(pool, cluster.namesrv.split(';')[0]!);
  const masters = [...info.brokers.values()].map((b) => ({ brokerName: b.brokerName, addr: b.brokerAddrs.get(0)! })).filter((m) => m.addr);
  const readOffsets = async () => {
    const maxOffsets = new Map<string, number>();
    for (const m of masters) {
      for (const topic of TOPICS) {
        for (const q of await getTopicStatsInfo(pool, m.addr, topic)) maxOffsets.set(`${m.addr}|${topic}|${q.queueId}`, q.maxOffset);
      }
    }
    return maxOffsets;
  };
  // a sandbox seeded before has the messages already: a re-run does not start three JVMs for them
  const known = await readOffsets().catch(() => undefined);
  const sent = (topic: string) => masters.reduce((n, m) => n + [0, 1, 2, 3].reduce((k, q) => k + (known?.get(`${m.addr}|${topic}|${q}`) ?? 0), 0), 0);
  for (const topic of TOPICS) {
    if (known && sent(topic) >= 200) continue;
    runJava('Producer.java', ['--ns', cluster.namesrv, '--topic', topic, '--order-topic', `${topic}Order`, '--count', '200', '--run', topic], cluster.env);
  }
  const maxOffsets = await readOffsets();
  return { masters, maxOffsets };
}

/**
 * Seeds bench_cg_<from>..<to - 1> on every master: subscription config and retry topic in batches, then an offset on
 * 4 queues of each bench topic, pipelined (SEED_CONCURRENCY in flight per broker, no promise per call before its
 * turn). What a master already holds (config, and offsets on every bench topic) is skipped, so a re-run against the
 * same sandbox seeds nothing. Returns how many groups it had to seed.
 */
export async function seed(pool: ConnectionPool, masters: Array<{ brokerName: string; addr: string }>, maxOffsets: Map<string, number>, from: number, to: number): Promise<number> {
  const names = Array.from({ length: to - from }, (_, i) => `bench_cg_${String(from + i).padStart(5, '0')}`);
  const work = await Promise.all(
    masters.map(async (m) => {
      const [configs, offsets] = await Promise.all([getAllSubscriptionGroupConfig(pool, m.addr, 60_000), getAllConsumerOffset(pool, m.addr, 60_000)]);
      return {
        m,
        noConfig: names.filter((g) => !configs.has(g)),
        noOffsets: names.filter((g) => !TOPICS.every((t) => offsets.byGroup.get(g)?.has(t))),
      };
    }),
  );
  for (const { m, noConfig } of work) {
    // each batch makes the broker persist its whole table: few large batches, not many small ones
    for (let i = 0; i < noConfig.length; i += SEED_BATCH) {
      const batch = noConfig.slice(i, i + SEED_BATCH);
      await updateAndCreateSubscriptionGroupList(pool, m.addr, batch.map((groupName) => ({ groupName })), 60_000);
      await updateAndCreateTopicList(pool, m.addr, batch.map((g) => ({ topic: `%RETRY%${g}`, readQueueNums: 1, writeQueueNums: 1 })), 60_000);
    }
  }
  const commits = function* () {
    for (const { m, noOffsets } of work) {
      for (const group of noOffsets) {
        let random = Number(group.slice('bench_cg_'.length)) + 1;
        const next = () => {
          random = (random * 1103515245 + 12345) % 2147483648; // deterministic offsets run to run
          return random / 2147483648;
        };
        for (const topic of TOPICS) {
          for (let queueId = 0; queueId < 4; queueId++) {
            const max = maxOffsets.get(`${m.addr}|${topic}|${queueId}`) ?? 0;
            yield { addr: m.addr, update: { consumerGroup: group, topic, queueId, commitOffset: Math.floor(next() * (max + 1)) } };
          }
        }
      }
    }
  };
  await forEachPerKey(commits(), (c) => c.addr, SEED_CONCURRENCY, async (c) => {
    await updateConsumerOffset(pool, c.addr, c.update, 30_000);
  });
  return Math.max(0, ...work.map((w) => Math.max(w.noConfig.length, w.noOffsets.length)));
}

async function measure(pool: ConnectionPool, cluster: BenchCluster, masters: Array<{ brokerName: string; addr: string }>, count: number, second: BenchCluster): Promise<GroupsFigures> {
  const floor = await snapshotCallsFloor(pool, masters, CONCURRENCY);
  const floorMs = floor.ms;
  // 8 in flight per master: at 64 the brokers' admin queues overflowed at 50,000 groups (mqadmin asks one at a time)
  const perGroup = await perGroupStatsSample(pool, masters, Number(process.env.BENCH_PER_GROUP_SAMPLE ?? 1000), 8);

  const bench = benchConsole(cluster.namesrv, { requestTimeoutMs: 10_000, fanOutDeadlineMs: 30_000 });
  const { admin } = bench.ctx;
  const memory = newSnapshotMemory();
  const cold = await buildLagSnapshot(admin, memory, { concurrencyPerBroker: CONCURRENCY });
  memory.previous = cold;
  const warm = await buildLagSnapshot(admin, memory, { concurrencyPerBroker: CONCURRENCY });
  await bench.console.close();

  // the history sampler over these snapshots, on a SQLite file as the console's default store
  const store = await openStore({ sqlitePath: path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-history-')), 'console.db') });
  const sampleIntervalMs = 30_000;
  const sampler = new LagHistorySampler(() => Promise.resolve(store), 'bench', { sampleIntervalMs: 1, heartbeatMs: 600_000, rawForMs: 86_400_000, bucketMs: 300_000, retentionMs: 7 * 86_400_000, compactEveryMs: 3_600_000 }, createLog('warn'));
  let t = performance.now();
  const firstRound = await sampler.onSnapshot(cold);
  const firstRoundMs = performance.now() - t;
  t = performance.now();
  const nextRound = await sampler.onSnapshot(warm);
  const nextRoundMs = performance.now() - t;
  await store.close();
  const samplerFigures = { firstRoundMs, firstRows: (firstRound?.groups ?? 0) + (firstRound?.queues ?? 0), nextRoundMs, nextRows: (nextRound?.groups ?? 0) + (nextRound?.queues ?? 0), intervalMs: sampleIntervalMs };

  // BENCH_SKIP_MQADMIN: for quick runs while tuning (mqadmin takes minutes at 10,000 groups)
  const mq = process.env.BENCH_SKIP_MQADMIN ? { ms: Number.NaN, output: '' } : timeMqadmin(['consumerProgress'], cluster.env);
  const mqadminGroups = mq.output.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length;

  // the console runs with the V8 flags npm start gives it (package.json config.consoleNodeOptions)
  const clustersFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-clusters-')), 'clusters.json');
  writeFileSync(clustersFile, JSON.stringify({ clusters: [{ name: 'bench', namesrv: cluster.namesrv }, { name: 'second', namesrv: second.namesrv }] }));
  const spawned = performance.now();
  const server = await startConsole(cluster.namesrv, testPort(DEFAULT_PORTS.benchConsole + (count % 7)), {
    CONSOLE_CONFIG: clustersFile,
    LAG_SNAPSHOT_INTERVAL_MS: String(REFRESH_MS),
    NODE_OPTIONS: process.env.BENCH_CONSOLE_NODE_OPTIONS ?? consoleNodeOptions(),
  });
  try {
    const readyMs = performance.now() - spawned;
    // a cold console may answer its first overview with a named failure (a namesrv call past its deadline): the
    // figure is when it first answered with the brokers, and the failures before are counted and shown
    const overviewFailures: string[] = [];
    for (;;) {
      const answer = await timedGet(`${server.url}/api/clusters/bench/brokers`).catch((error: unknown) => error as Error);
      if (!(answer instanceof Error)) break;
      overviewFailures.push(answer.message);
      if (performance.now() - spawned > 120_000) throw answer;
    }
    const overviewMs = performance.now() - spawned;
    const url = `${server.url}/api/clusters/bench/groups?sort=-lag&pageSize=50`;
    // until the first snapshot is built the list answers with its progress, then with rows
    let first = await timedGet(url);
    let progressAnswers = 0;
    let lastProgress: string | undefined;
    while ((first.body as { building?: unknown }).building) {
      progressAnswers++;
      lastProgress = JSON.stringify((first.body as { building: unknown }).building);
      await new Promise((r) => setTimeout(r, 250));
      first = await timedGet(url);
    }
    const groupsMs = performance.now() - spawned;
    const warmTimes: number[] = [];
    for (let i = 0; i < 30; i++) warmTimes.push((await timedGet(url)).ms);
    warmTimes.sort((a, b) => a - b);
    const total = (first.body as { total: number }).total;
    if (total < count) throw new Error(`the console lists ${total} groups, expected at least ${count}`);
    // the second cluster's snapshot is in memory too before the RSS is read
    const secondTotal = ((await timedGet(`${server.url}/api/clusters/second/groups?system=show&pageSize=1`)).body as { total: number }).total;
    if (secondTotal < 4) throw new Error(`the console lists ${secondTotal} groups of the second cluster, expected the demo's`);
    // the first scrape warms the route; the second is timed
    await fetch(`${server.url}/api/metrics`).then((r) => r.text());
    const scrapeAt = performance.now();
    const text = await fetch(`${server.url}/api/metrics`).then((r) => r.text());
    const metrics = { bytes: Buffer.byteLength(text), ms: performance.now() - scrapeAt, lines: text.split('\n').filter((l) => l && !l.startsWith('#')).length };
    const rssMb = server.rssMb();
    let rssPeakMb = rssMb;
    for (const until = Date.now() + 2 * REFRESH_MS + 5000; Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 250));
      rssPeakMb = Math.max(rssPeakMb, server.rssMb());
    }
    return {
      groups: count,
      floorMs,
      floorCalls: floor.calls,
      perGroup,
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
      coldStart: { readyMs, overviewMs, overviewFailures, groupsMs, progressAnswers, lastProgress },
      sampler: samplerFigures,
      metrics,
    };
  } catch (error) {
    // a console that died (out of memory, say) says why in its last lines
    console.error(`the bench console failed; its last output:\n${server.output().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
  }
}
