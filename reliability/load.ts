/**
 * The load check (issue 13): `operators` simulated operators for `durationS` seconds on the console's pages and API
 * calls, against a cluster with `groups` consumer groups, while `scanners` range scans run at once from half-way.
 * Figures: requests, errors and p50/p99 per route, the console's RSS, CPU and event-loop delay, whether the
 * background lag snapshot kept its interval, and whether the console bounds range scans running at once.
 *
 *   npx tsx reliability/load.ts --groups 10000 --operators 50 --duration 60 [--scanners 20] [--scans-from 30] [--interval 15000]
 *
 * Each route kind is one autocannon instance with its share of the operators as connections, so every route has its
 * own latency histogram and error count; each connection sends its next request when the last is answered (no think
 * time: 50 operators here are busier than 50 people). /api/metrics is not among them: a Prometheus scraper (every
 * METRICS_EVERY_MS) plays that part, because each scrape resets the event-loop delay histogram it also reads.
 * The snapshot's gaps come from the group list's `asOf` (read every second) and its build times from the metrics.
 */
import autocannon from 'autocannon';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConnectionPool } from '../lib/remoting';
import { prepareSeeding, seed, TOPICS } from '../bench/groups';
import { consoleNodeOptions, ensureCluster, runJava, type BenchCluster } from '../bench/sandbox';
import { fmt, percentile, table } from '../bench/stats';
import { startConsole, type ConsoleServer } from '../test-support/console-server';

/** The console's name for the cluster (CLUSTER_KEY), in every URL below. */
const CLUSTER = 'load';
const SCAN_TOPIC = 'LoadScanTopic';
/** Messages in the topic the range scans read: enough that 20 scans at once overlap. */
const SCAN_MESSAGES = 5000;
/** Every 10 s, as many Prometheus setups; each scrape renders every group's and queue's lag (10,000 groups: ~240,000 series). */
const METRICS_EVERY_MS = 10_000;
/** A request unanswered this long counts as an error (autocannon's timeout, seconds). */
const TIMEOUT_S = 10;

export interface RouteFigures {
  route: string;
  operators: number;
  requests: number;
  /** Answers outside 2xx, by status. */
  non2xx: Record<string, number>;
  /** Socket errors and timeouts. */
  socketErrors: number;
  timeouts: number;
  firstError?: string;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface ScanFigures {
  scanners: number;
  fromS: number;
  /** Scans answered 200 and streamed. */
  streamed: number;
  completed: number;
  /** Still streaming when the load ended (cancelled by the client then). */
  cutAtEnd: number;
  /** Answered 429 or 503: the console's bound turning a scan away. */
  refused: number;
  refusal?: string;
  /** Any other status, or a socket error. */
  failed: number;
  failure?: string;
  /** The most scans streaming at the same moment, as the clients saw it. */
  maxAtOnce: number;
  /** Time to the response headers: a bound that makes scans wait shows here. */
  headersP50Ms: number;
  headersP99Ms: number;
  durationP50Ms: number;
  durationP99Ms: number;
  doneReasons: Record<string, number>;
  messagesPerScan: number;
}

export interface SnapshotGap {
  fromAsOf: number;
  /** When that snapshot started, in seconds from the start of the load (negative: before it). */
  startS: number;
  gapMs: number;
  /** Build time of the snapshot the gap starts with: from the metrics gauge, else (estimated) when it was first seen. */
  durationMs: number;
  durationEstimated: boolean;
  /** interval + duration: the schedule (the next starts `interval` after the last ended). */
  plainMs: number;
  /** duration + max(interval, duration): the schedule when a snapshot slower than the interval stretches the pause. */
  stretchedMs: number;
  verdict: 'kept' | 'stretched' | 'late';
}

export interface LoadFigures {
  groups: number;
  operators: number;
  durationS: number;
  requests: number;
  errors: number;
  requestsPerS: number;
  routes: RouteFigures[];
  /** warm: after the first snapshot, before any /api/metrics scrape (one scrape at 10,000 groups renders ~60 MB of text). */
  rss: { warmMb: number; beforeMb: number; peakMb: number; afterMb: number };
  /** From the console's own prom-client histogram (monitorEventLoopDelay, 10 ms resolution), per scrape window. */
  eventLoop: { idleP99Ms: number; idleMaxMs: number; worstWindowP99Ms: number; maxMs: number; windows: number };
  snapshot: { intervalMs: number; idleDurationMs: number; gaps: SnapshotGap[]; largestGapMs: number; kept: boolean; failures: number };
  scans: ScanFigures;
  /** CPU over the load: the console's (in cores) and the whole machine's busy share, which other work on it skews. */
  cpu: { consoleCores: number; machineBusyPct: number; cores: number };
}

interface Options {
  groups: number;
  operators: number;
  durationS: number;
  port?: number;
  /** Concurrent range-scan clients from scansFromS to the end of the load (0: none). */
  scanners?: number;
  /** Default: half-way, so the first half shows the mix alone. */
  scansFromS?: number;
  snapshotIntervalMs?: number;
}

export async function loadFigures(options: Options): Promise<LoadFigures> {
  const { groups, operators, durationS, port = 3195, scanners = 20, scansFromS = durationS / 2, snapshotIntervalMs = 15_000 } = options;
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        await c();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  };
  // Ctrl-C: the brokers run detached (setsid) and would outlive us
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const cluster = ensureCluster();
    cleanups.push(() => cluster.stop());
    const data = await prepareCluster(cluster, groups);
    const server = await startConsole(cluster.namesrv, port, {
      CONSOLE_CONFIG: '',
      CLUSTER_KEY: CLUSTER,
      LAG_SNAPSHOT_INTERVAL_MS: String(snapshotIntervalMs),
      NODE_OPTIONS: consoleNodeOptions(),
    });
    cleanups.push(() => server.stop());
    return await measure(server, data, { groups, operators, durationS, scanners, scansFromS, snapshotIntervalMs });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

/** What the requests ask for: names and ids that exist in the cluster. */
interface ClusterData {
  topics: string[];
  /** [topic, key] pairs. */
  keys: Array<[string, string]>;
  /** [topic, msgId] pairs of traced messages. */
  msgIds: Array<[string, string]>;
  groups: string[];
  scanBegin: number;
  scanEnd: number;
}

async function prepareCluster(cluster: BenchCluster, groups: number): Promise<ClusterData> {
  const pool = new ConnectionPool();
  try {
    log('sending to the bench topics');
    const { masters, maxOffsets } = await prepareSeeding(pool, cluster);
    const sentFile = path.join(os.tmpdir(), `load-sent-${process.pid}.tsv`);
    const scanBegin = Date.now() - 1000;
    log(`sending ${fmt(SCAN_MESSAGES)} traced messages to ${SCAN_TOPIC}`);
    // CUST-<i % 500>: a customer key matches 10 messages, as a real one might
    runJava('Producer.java', ['--ns', cluster.namesrv, '--topic', SCAN_TOPIC, '--count', String(SCAN_MESSAGES), '--run', 'load', '--extras', 'false', '--cust-mod', '500', '--out', sentFile], cluster.env);
    const scanEnd = Date.now();
    const sent = readSent(sentFile, SCAN_TOPIC);
    rmSync(sentFile, { force: true });
    // the demo traffic's record, when the cluster is the bench's own sandbox
    const demo = cluster.env.SANDBOX_DIR ? readSent(path.join(cluster.env.SANDBOX_DIR, 'traffic/sent.tsv'), 'LabTopic') : [];
    const t0 = performance.now();
    const step = 1000;
    for (let from = 0; from < groups; from += step) {
      await seed(pool, masters, maxOffsets, from, Math.min(groups, from + step));
      log(`seeded ${fmt(Math.min(groups, from + step))} of ${fmt(groups)} groups (${fmt((performance.now() - t0) / 1000)} s)`);
    }
    const all = [...sent, ...demo];
    return {
      topics: [...TOPICS, SCAN_TOPIC, ...(demo.length > 0 ? ['LabTopic'] : [])],
      keys: [
        ...all.flatMap((s) => s.keys.map((k): [string, string] => [s.topic, k])),
        ...TOPICS.flatMap((t) => Array.from({ length: 200 }, (_, i): [string, string] => [t, `K-${t}-${i}`])),
      ],
      msgIds: all.map((s) => [s.topic, s.msgId]),
      groups: Array.from({ length: groups }, (_, i) => `bench_cg_${String(i).padStart(5, '0')}`),
      scanBegin,
      scanEnd,
    };
  } finally {
    pool.close();
  }
}

/** Producer.java's record: kind key status msgId offsetMsgId broker queue offset (keys space-separated). */
function readSent(file: string, topic: string): Array<{ topic: string; keys: string[]; msgId: string }> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((l) => l.split('\t'))
    .filter((c) => c[0] === 'normal' && c[2] === 'SEND_OK' && c[3])
    .map((c) => ({ topic, keys: c[1]!.split(' ').filter(Boolean), msgId: c[3]! }));
}

interface RouteKind {
  name: string;
  weight: number;
  path: () => string;
}

/** The mix, weighted like a day of use: the group list most, then a group's pages, lookups, topic status, HTML pages. */
function routeKinds(d: ClusterData, random: () => number): RouteKind[] {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const api = `/api/clusters/${CLUSTER}`;
  const group = () => encodeURIComponent(pick(d.groups));
  const q = encodeURIComponent;
  return [
    {
      name: 'group list sorted by lag',
      weight: 12,
      path: () => {
        const sort = pick(['-lag', '-lag', '-lag', '-lagAge', 'name', '-clients']);
        const search = random() < 0.2 ? `&search=bench_cg_0${Math.floor(random() * 10)}` : '';
        return `${api}/groups?sort=${q(sort)}&page=${1 + Math.floor(random() * 3)}&pageSize=50${search}`;
      },
    },
    { name: 'group page', weight: 7, path: () => `${api}/groups/${group()}` },
    { name: 'group progress', weight: 7, path: () => `${api}/groups/${group()}/progress` },
    {
      name: 'key lookup',
      weight: 6,
      path: () => {
        const [topic, key] = pick(d.keys);
        return `${api}/messages?topic=${q(topic)}&key=${q(key)}`;
      },
    },
    {
      name: 'trace (by id, by key)',
      weight: 5,
      path: () => {
        if (random() < 0.5) {
          const [topic, msgId] = pick(d.msgIds);
          return `${api}/traces/${q(msgId)}?topic=${q(topic)}`;
        }
        const [topic, key] = pick(d.keys);
        return `${api}/traces?key=${q(key)}&topic=${q(topic)}`;
      },
    },
    { name: 'topic status', weight: 5, path: () => `${api}/topics/${q(pick(d.topics))}/status` },
    {
      name: 'HTML pages',
      weight: 6,
      path: () => pick([`/clusters/${CLUSTER}/groups?sort=-lag`, `/clusters/${CLUSTER}/groups/${group()}`, `/clusters/${CLUSTER}/topics/${q(pick(d.topics))}`]),
    },
  ];
}

/** Operators per kind by weight (largest remainder), at least one each. */
function share(kinds: RouteKind[], operators: number): number[] {
  if (operators < kinds.length) throw new Error(`at least ${kinds.length} operators: one per route kind`);
  const total = kinds.reduce((s, k) => s + k.weight, 0);
  const exact = kinds.map((k) => 1 + ((operators - kinds.length) * k.weight) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let left = operators - counts.reduce((s, c) => s + c, 0), j = 0; left > 0; left--, j++) {
    const k = order[j]![1];
    counts[k] = counts[k]! + 1;
  }
  return counts;
}

async function measure(server: ConsoleServer, data: ClusterData, o: Required<Omit<Options, 'port'>>): Promise<LoadFigures> {
  const base = server.url;
  // warm: the first group list waits for the first full lag snapshot
  log('waiting for the first lag snapshot');
  // the list answers with the build's progress (no total) until the first snapshot exists
  let first = await getJson<GroupPage>(`${base}/api/clusters/${CLUSTER}/groups?pageSize=1`, 180_000);
  for (const until = Date.now() + 180_000; first.building && Date.now() < until; ) {
    await sleep(1000);
    first = await getJson<GroupPage>(`${base}/api/clusters/${CLUSTER}/groups?pageSize=1`, 30_000);
  }
  if (first.total < o.groups) throw new Error(`the console lists ${first.total} groups, expected at least ${o.groups}`);
  if (first.failures.length > 0) log(`first snapshot has ${first.failures.length} broker failures: ${JSON.stringify(first.failures).slice(0, 300)}`);
  const labGroups = (await getJson<GroupPage>(`${base}/api/clusters/${CLUSTER}/groups?search=lab_cg&pageSize=50`, 30_000)).items.map((r) => r.group);
  data.groups.push(...labGroups);

  let seed = 13;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648; // the same mix run to run
    return seed / 2147483648;
  };
  const kinds = routeKinds(data, random);
  // every kind answers once before the load: a wrong URL here is the tool's fault, not the console's
  for (const kind of kinds) {
    const p = kind.path();
    const response = await fetch(`${base}${p}`, { signal: AbortSignal.timeout(60_000) });
    const body = await response.text();
    if (!response.ok) throw new Error(`${kind.name}: GET ${p} answered ${response.status} before the load: ${body.slice(0, 300)}`);
  }

  const rssWarm = server.rssMb();
  const sampler = startSampler(server, base);
  // an idle window first: the first scrape ends the window of the start and warm-up, the second reads 5 quiet seconds
  await scrape(base);
  await sleep(5000);
  const idle = await scrape(base); // also starts the first event-loop window of the load
  const rssBefore = server.rssMb();
  const cpuBefore = { console: processCpuS(server.pid), machine: machineCpu() };
  const loadStart = Date.now();
  log(`load: ${o.operators} operators for ${o.durationS} s${o.scanners > 0 ? `, ${o.scanners} range scans at once from t+${o.scansFromS} s` : ''}`);

  const counts = share(kinds, o.operators);
  const runs = kinds.map((kind, i) =>
    Promise.resolve(
      autocannon({
        url: base,
        title: kind.name,
        connections: counts[i]!,
        duration: o.durationS,
        timeout: TIMEOUT_S,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: kind.path() }) }],
      }),
    ),
  );
  const loadEnd = loadStart + o.durationS * 1000;
  const scrapes: Scrape[] = [];
  const scrapeErrors: string[] = [];
  // a failed scrape is an error of the metrics route, not the end of the run
  const scrapeOnce = () => scrape(base).then((s) => void scrapes.push(s), (e: unknown) => void scrapeErrors.push(e instanceof Error ? e.message : String(e)));
  const scraping = (async () => {
    while (Date.now() + METRICS_EVERY_MS <= loadEnd) {
      await sleep(METRICS_EVERY_MS);
      await scrapeOnce();
    }
  })();
  const scanUrl = () => `${base}/api/clusters/${CLUSTER}/topics/${SCAN_TOPIC}/messages?begin=${data.scanBegin}&end=${data.scanEnd}&limit=10000`;
  const scanning = sleep(o.scansFromS * 1000).then(() => scanStorm(scanUrl, o.scanners, loadEnd, o.scansFromS));
  const results = await Promise.all(runs);
  const scans = await scanning;
  await scraping;
  await scrapeOnce(); // closes the last event-loop window
  const rssAfter = server.rssMb();
  const cpuAfter = { console: processCpuS(server.pid), machine: machineCpu() };
  const wallS = (Date.now() - loadStart) / 1000;
  // the gap that spans the end of the load closes with the next snapshot
  log('waiting for the first snapshot after the load');
  await sampler.until((asOf) => asOf > loadEnd, o.snapshotIntervalMs * 4 + 60_000);
  const samples = await sampler.stop();

  const routes: RouteFigures[] = results.map((r, i) => {
    const non2xx: Record<string, number> = {};
    for (const [status, { count }] of Object.entries(r.statusCodeStats)) if (!status.startsWith('2')) non2xx[status] = count;
    return {
      route: kinds[i]!.name,
      operators: counts[i]!,
      requests: r.requests.total ?? 0,
      non2xx,
      socketErrors: r.errors - r.timeouts,
      timeouts: r.timeouts,
      p50Ms: r.latency.p50,
      p99Ms: r.latency.p99,
      maxMs: r.latency.max,
    };
  });
  const metricsMs = scrapes.map((s) => s.ms);
  routes.push({
    route: `metrics (a scraper, every ${METRICS_EVERY_MS / 1000} s; ${fmt(idle.mb, 1)} MB)`,
    operators: 1,
    requests: metricsMs.length + scrapeErrors.length,
    non2xx: {},
    socketErrors: scrapeErrors.length,
    timeouts: 0,
    ...(scrapeErrors[0] ? { firstError: scrapeErrors[0] } : {}),
    p50Ms: percentile(metricsMs, 50),
    p99Ms: percentile(metricsMs, 99),
    maxMs: Math.max(...metricsMs),
  });
  const requests = routes.reduce((s, r) => s + r.requests, 0);
  const errors = routes.reduce((s, r) => s + Object.values(r.non2xx).reduce((a, b) => a + b, 0) + r.socketErrors + r.timeouts, 0);
  const windows = scrapes.filter((s) => s.loopP99Ms !== undefined);
  return {
    groups: o.groups,
    operators: o.operators,
    durationS: o.durationS,
    requests,
    errors,
    requestsPerS: requests / o.durationS,
    routes,
    rss: { warmMb: rssWarm, beforeMb: rssBefore, peakMb: Math.max(rssBefore, rssAfter, ...samples.rss.filter((r) => r.at >= loadStart && r.at <= loadEnd).map((r) => r.mb)), afterMb: rssAfter },
    eventLoop: {
      idleP99Ms: idle.loopP99Ms ?? Number.NaN,
      idleMaxMs: idle.loopMaxMs ?? Number.NaN,
      worstWindowP99Ms: Math.max(...windows.map((w) => w.loopP99Ms!)),
      maxMs: Math.max(...windows.map((w) => w.loopMaxMs!)),
      windows: windows.length,
    },
    snapshot: snapshotFigures(samples, [idle, ...scrapes, ...samples.scrapes], loadStart, loadEnd, o.snapshotIntervalMs),
    scans,
    cpu: {
      consoleCores: (cpuAfter.console - cpuBefore.console) / wallS,
      machineBusyPct: (100 * (cpuAfter.machine.busy - cpuBefore.machine.busy)) / (cpuAfter.machine.total - cpuBefore.machine.total),
      cores: os.cpus().length,
    },
  };
}

interface GroupPage {
  /** Set (and no rows, total or asOf) while the first snapshot is built. */
  building?: unknown;
  total: number;
  items: Array<{ group: string }>;
  asOf: number;
  failures: unknown[];
}

interface Scrape {
  at: number;
  ms: number;
  mb: number;
  loopP99Ms?: number;
  loopMaxMs?: number;
  /** The snapshot the metrics came from: when it was read and how long it took to build. */
  snapshotAsOf?: number;
  snapshotDurationMs?: number;
}

/** One Prometheus scrape: the console's event-loop delay since the last scrape, and its snapshot's age and duration. */
async function scrape(base: string): Promise<Scrape> {
  const started = performance.now();
  const response = await fetch(`${base}/api/metrics`, { signal: AbortSignal.timeout(60_000) });
  // the gauges were read before the answer's headers went out: the snapshot's age is as of now, give or take the text's rendering
  const at = Date.now();
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`/api/metrics answered ${response.status}: ${text.slice(0, 300)}`);
  const value = (name: string) => {
    const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const seconds = (name: string) => {
    const v = value(name);
    return v === undefined ? undefined : v * 1000;
  };
  const age = seconds(`rocketmq_console_lag_snapshot_age_seconds\\{cluster="${CLUSTER}"\\}`);
  const duration = seconds(`rocketmq_console_lag_snapshot_duration_seconds\\{cluster="${CLUSTER}"\\}`);
  return {
    at,
    ms,
    mb: text.length / 1e6,
    loopP99Ms: seconds('rocketmq_console_nodejs_eventloop_lag_p99_seconds'),
    loopMaxMs: seconds('rocketmq_console_nodejs_eventloop_lag_max_seconds'),
    ...(age !== undefined && age >= 0 && duration !== undefined ? { snapshotAsOf: at - age, snapshotDurationMs: duration } : {}),
  };
}

interface Samples {
  rss: Array<{ at: number; mb: number }>;
  /** Each snapshot seen in the group list (its asOf) and when it was first seen. */
  snapshots: Map<number, number>;
  failures: number;
  scrapes: Scrape[];
}

/** Every second, apart from the load: the console's RSS and the lag snapshot the group list answers from. */
function startSampler(server: ConsoleServer, base: string) {
  const samples: Samples = { rss: [], snapshots: new Map(), failures: 0, scrapes: [] };
  let stopped = false;
  const waiters: Array<{ test: (asOf: number) => boolean; resolve: () => void }> = [];
  const loop = (async () => {
    while (!stopped) {
      const tick = sleep(1000);
      try {
        samples.rss.push({ at: Date.now(), mb: server.rssMb() });
        const page = await getJson<GroupPage>(`${base}/api/clusters/${CLUSTER}/groups?pageSize=1`, 30_000);
        if (!page.building && !samples.snapshots.has(page.asOf)) {
          samples.snapshots.set(page.asOf, Date.now());
          if (page.failures.length > 0) samples.failures++;
        }
        for (const w of waiters.splice(0)) if (!page.building && w.test(page.asOf)) w.resolve();
        else waiters.push(w);
      } catch (error) {
        log(`sampler: ${error instanceof Error ? error.message : String(error)}`);
      }
      await tick;
    }
  })();
  return {
    /** Resolves once a snapshot passes `test`; a scrape then records its duration. */
    until: async (test: (asOf: number) => boolean, timeoutMs: number) => {
      if ([...samples.snapshots.keys()].some(test)) return void samples.scrapes.push(await scrape(base));
      const seen = new Promise<void>((resolve) => waiters.push({ test, resolve }));
      await Promise.race([seen, sleep(timeoutMs)]);
      samples.scrapes.push(await scrape(base));
    },
    stop: async () => {
      stopped = true;
      await loop;
      return samples;
    },
  };
}

/** Gaps between consecutive snapshots that overlap the load, each against what the schedule allows. */
function snapshotFigures(samples: Samples, scrapes: Scrape[], loadStart: number, loadEnd: number, intervalMs: number): LoadFigures['snapshot'] {
  // slack for the listeners after a build (lag history write) and timer delay
  const toleranceMs = 2000;
  const asOfs = [...samples.snapshots.keys()].sort((a, b) => a - b);
  // snapshots start at least `intervalMs` apart: the nearest within half of it is the one a scrape saw
  const durationOf = (asOf: number) => {
    const exact = scrapes.find((s) => s.snapshotAsOf !== undefined && Math.abs(s.snapshotAsOf - asOf) < intervalMs / 2);
    // the snapshot is visible once built: first seen - asOf bounds its duration from above (1 s sampling)
    return exact?.snapshotDurationMs !== undefined ? { ms: exact.snapshotDurationMs, estimated: false } : { ms: samples.snapshots.get(asOf)! - asOf, estimated: true };
  };
  const gaps: SnapshotGap[] = [];
  for (let i = 0; i + 1 < asOfs.length; i++) {
    const from = asOfs[i]!;
    const to = asOfs[i + 1]!;
    if (to <= loadStart || from >= loadEnd) continue;
    const { ms: durationMs, estimated: durationEstimated } = durationOf(from);
    const gapMs = to - from;
    const plainMs = intervalMs + durationMs;
    const stretchedMs = durationMs + Math.max(intervalMs, durationMs);
    gaps.push({ fromAsOf: from, startS: (from - loadStart) / 1000, gapMs, durationMs, durationEstimated, plainMs, stretchedMs, verdict: gapMs <= plainMs + toleranceMs ? 'kept' : gapMs <= stretchedMs + toleranceMs ? 'stretched' : 'late' });
  }
  const before = asOfs.filter((a) => a < loadStart).at(-1);
  return {
    intervalMs,
    idleDurationMs: before === undefined ? Number.NaN : durationOf(before).ms,
    gaps,
    largestGapMs: Math.max(...gaps.map((g) => g.gapMs)),
    kept: gaps.length > 0 && gaps.every((g) => g.verdict === 'kept'),
    failures: samples.failures,
  };
}

/** `scanners` clients each scanning the whole scan topic over and over until `until`, then cancelled. */
async function scanStorm(url: () => string, scanners: number, until: number, fromS: number): Promise<ScanFigures> {
  const f: ScanFigures = { scanners, fromS, streamed: 0, completed: 0, cutAtEnd: 0, refused: 0, failed: 0, maxAtOnce: 0, headersP50Ms: 0, headersP99Ms: 0, durationP50Ms: 0, durationP99Ms: 0, doneReasons: {}, messagesPerScan: 0 };
  if (scanners === 0) return f;
  log(`${scanners} range scans at once`);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), Math.max(0, until - Date.now()));
  const headers: number[] = [];
  const durations: number[] = [];
  let active = 0;
  const worker = async () => {
    while (Date.now() < until) {
      const started = performance.now();
      let streaming = false;
      try {
        const response = await fetch(url(), { signal: abort.signal });
        headers.push(performance.now() - started);
        if (response.status === 429 || response.status === 503) {
          f.refused++;
          f.refusal ??= `${response.status} ${(await response.text()).slice(0, 200)}`;
          await sleep(1000, undefined, { signal: abort.signal }); // as a client would, before trying again
          continue;
        }
        if (!response.ok || !response.body) {
          f.failed++;
          f.failure ??= `${response.status} ${(await response.text()).slice(0, 200)}`;
          continue;
        }
        f.streamed++;
        streaming = true;
        f.maxAtOnce = Math.max(f.maxAtOnce, ++active);
        const last = await lastLine(response.body);
        const done = JSON.parse(last) as { type: string; reason?: string; matched?: number };
        f.completed++;
        durations.push(performance.now() - started);
        const reason = done.type === 'done' ? (done.reason ?? '?') : `ended on ${done.type}`;
        f.doneReasons[reason] = (f.doneReasons[reason] ?? 0) + 1;
        f.messagesPerScan = done.matched ?? f.messagesPerScan;
      } catch (error) {
        if (abort.signal.aborted) {
          if (streaming) f.cutAtEnd++;
        } else {
          f.failed++;
          f.failure ??= error instanceof Error ? error.message : String(error);
        }
      } finally {
        if (streaming) active--;
      }
    }
  };
  await Promise.all(Array.from({ length: scanners }, worker));
  clearTimeout(timer);
  return { ...f, headersP50Ms: percentile(headers, 50), headersP99Ms: percentile(headers, 99), durationP50Ms: percentile(durations, 50), durationP99Ms: percentile(durations, 99) };
}

/** Reads an NDJSON stream to its end, keeping only the last line (the scan's `done` event). */
async function lastLine(body: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder();
  let tail = '';
  const reader = body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) tail = (tail + decoder.decode(r.value, { stream: true })).slice(-64 * 1024);
  const lines = tail.trim().split('\n');
  return lines.at(-1) ?? '';
}

/** CPU seconds of a process so far (utime + stime, in clock ticks of 1/100 s). */
function processCpuS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The machine's CPU ticks so far, busy and in all (/proc/stat). */
function machineCpu(): { busy: number; total: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((a, b) => a + b, 0);
  // idle and iowait
  return { busy: total - ticks[3]! - ticks[4]!, total };
}

async function getJson<T>(url: string, timeoutMs: number): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

function log(message: string): void {
  console.log(`[load ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

export function printLoadFigures(f: LoadFigures): void {
  const ms = (n: number) => (Number.isFinite(n) ? fmt(n) : '-');
  console.log(`\nLoad: ${fmt(f.operators)} operators for ${f.durationS} s against ${fmt(f.groups)} groups: ${fmt(f.requests)} requests (${fmt(f.requestsPerS, 1)}/s), ${fmt(f.errors)} errors (goal 0)`);
  console.log(
    table(
      ['route', 'operators', 'requests', 'non-2xx', 'socket errors / timeouts', 'p50 ms', 'p99 ms', 'max ms'],
      f.routes.map((r) => [
        r.route,
        String(r.operators),
        fmt(r.requests),
        Object.entries(r.non2xx).map(([s, n]) => `${n}x${s}`).join(' ') || '0',
        `${r.socketErrors} / ${r.timeouts}`,
        ms(r.p50Ms),
        ms(r.p99Ms),
        ms(r.maxMs),
      ]),
    ),
  );
  console.log(`CPU over the load: the console ${fmt(f.cpu.consoleCores, 2)} cores of ${f.cpu.cores}; the machine ${fmt(f.cpu.machineBusyPct)}% busy (brokers, load tool, other work)`);
  console.log(`console RSS: ${fmt(f.rss.warmMb)} MB warm (before any metrics scrape), ${fmt(f.rss.beforeMb)} MB at the start, ${fmt(f.rss.peakMb)} MB peak, ${fmt(f.rss.afterMb)} MB after`);
  console.log(`event-loop delay (the console's own histogram, per ${METRICS_EVERY_MS / 1000} s scrape window): idle p99 ${ms(f.eventLoop.idleP99Ms)} ms / max ${ms(f.eventLoop.idleMaxMs)} ms; under load worst window p99 ${ms(f.eventLoop.worstWindowP99Ms)} ms, max ${ms(f.eventLoop.maxMs)} ms (${f.eventLoop.windows} windows)`);
  const s = f.snapshot;
  console.log(`lag snapshot: interval ${fmt(s.intervalMs)} ms, build ${ms(s.idleDurationMs)} ms before the load; largest gap ${ms(s.largestGapMs)} ms: ${s.kept ? 'kept its interval' : 'did NOT keep its interval'}${s.failures > 0 ? `, ${s.failures} snapshots with broker failures` : ''}`);
  for (const g of s.gaps) {
    console.log(`  snapshot started t${g.startS < 0 ? '' : '+'}${fmt(g.startS, 1)} s, built in ${g.durationEstimated ? 'at most ' : ''}${fmt(g.durationMs)} ms; the next ${fmt(g.gapMs)} ms later (schedule ${fmt(g.plainMs)}, stretched by a build over the interval ${fmt(g.stretchedMs)}): ${g.verdict}`);
  }
  for (const r of f.routes) if (r.firstError) console.log(`${r.route}: ${r.firstError}`);
  const c = f.scans;
  if (c.scanners === 0) return;
  console.log(`range scans: ${c.scanners} clients at once from t+${c.fromS} s to the end, each reading ${SCAN_TOPIC} whole (${fmt(c.messagesPerScan)} messages) over and over`);
  console.log(
    `  ${c.streamed} streamed (at most ${c.maxAtOnce} at once), ${c.completed} completed (${Object.entries(c.doneReasons).map(([r, n]) => `${n} ${r}`).join(', ') || '-'}), ${c.cutAtEnd} cut at the end, ${c.refused} refused${c.refusal ? ` (${c.refusal})` : ''}, ${c.failed} failed${c.failure ? ` (${c.failure})` : ''}`,
  );
  console.log(`  headers p50/p99 ${ms(c.headersP50Ms)} / ${ms(c.headersP99Ms)} ms, whole scan p50/p99 ${ms(c.durationP50Ms)} / ${ms(c.durationP99Ms)} ms`);
  // fewer than `scanners` at once does not prove a bound: a short scan may end before the last one gets its headers
  console.log(`  bound on scans at once: ${c.refused > 0 ? `held, ${c.refused} turned away (at most ${c.maxAtOnce} streaming)` : `none turned away; at most ${c.maxAtOnce} of ${c.scanners} streaming at the same moment`}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('reliability/load.ts')) {
  const arg = (name: string, fallback: number) => {
    const at = process.argv.indexOf(`--${name}`);
    return at > 0 ? Number(process.argv[at + 1]) : fallback;
  };
  const figures = await loadFigures({
    groups: arg('groups', 10_000),
    operators: arg('operators', 50),
    durationS: arg('duration', 60),
    port: arg('port', 3195),
    scanners: arg('scanners', 20),
    ...(process.argv.includes('--scans-from') ? { scansFromS: arg('scans-from', 0) } : {}),
    snapshotIntervalMs: arg('interval', 15_000),
  });
  printLoadFigures(figures);
  process.exitCode = figures.errors > 0 || !figures.snapshot.kept ? 1 : 0;
}
