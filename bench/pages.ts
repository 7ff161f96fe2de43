/**
 * Issue 15 part 4, the browser half: the first load of each main page in Debian's Chromium against a production
 * build (`next start`, gzip on, sign-in on as in production; the bench signs the first admin in through the API as
 * the e2e setup does). Each page is loaded in a fresh browser context (cold: empty cache) and then once more in the
 * same context (warm: the scripts come from the cache). Per load:
 *  - JS transferred: the bytes of every script response over the network (compressed body + headers, as DevTools'
 *    "transferred"; 0 for a script served from the cache), and the decoded size of the same scripts
 *  - JS requests: how many scripts the page loaded (warm: how many of those still went to the network)
 *  - FCP: Chromium's first-contentful-paint entry
 *  - TTI: navigation start to the first moment at which (a) the page's main content, read from the cluster, is in the
 *    DOM (a page-specific selector of real data: broker rows, topic rows, queue rows...), (b) React has hydrated the
 *    shell and every Suspense boundary (the markers e2e waits for), and (c) the main thread has then been free of
 *    long tasks (> 50 ms, PerformanceObserver 'longtask', injected before any page script) for 500 ms. The
 *    500 ms of quiet are not counted: TTI is the start of that quiet window.
 * Reference, measured in the same run: the shared floor, the scripts every measured page loads (Next.js runtime,
 * React, the layout's providers and sidebar); ratio = a page's JS / that floor, so what a page ships beyond the
 * shell is visible.
 * Goals: see GOALS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { ConnectionPool } from '../lib/remoting';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { startConsole } from '../test-support/console-server';
import { testPort } from '../test-support/sandbox';
import { rowsTable, type BenchRow } from './rows';
import { root, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';

/** Beside the groups bench's consoles (3190 + n % 7) and the e2e console (3100). */
const CONSOLE_PORT = 3189;
const CLUSTER = 'local';
const ADMIN_PASSWORD = 'bench-pages-admin-password-1';
const QUIET_MS = 500;
const LOAD_TIMEOUT_MS = 60_000;

/**
 * The goals. JS: the shared floor (React, Next.js, the providers and the sidebar) is ~175 KB compressed; a page adds
 * its view, table and dialogs. 250 KB cold leaves ~75 KB for a page's own code, which every list and detail page fits
 * without a charting library; the group page once its lag chart is drawn (recharts, ~117 KB) gets its own goal.
 * TTI: 1.5 s cold on this 2-core machine shared with other agents, including the data fetch the page waits for (the
 * lag snapshot, the route of a topic...); warm 1 s. FCP: 1 s cold (the server renders each page's shell and header).
 */
export const GOALS = { jsKb: 250, jsChartsKb: 360, ttiColdMs: 1500, ttiWarmMs: 1000, fcpColdMs: 1000 } as const;

interface PageSpec {
  name: string;
  path: string;
  /** CSS selectors of the page's main content read from the cluster; the first that appears counts. */
  ready: string[];
  /** draws charts (recharts): its JS goal is GOALS.jsChartsKb */
  charts?: boolean;
}

export interface LoadFigures {
  jsTransferredBytes: number;
  jsDecodedBytes: number;
  jsRequests: number;
  /** scripts fetched over the network (warm: those not served from the cache) */
  jsNetworkRequests: number;
  fcpMs: number | null;
  contentMs: number;
  ttiMs: number;
  longTasks: number;
  longTaskMs: number;
  scripts: ScriptLoad[];
}

export interface ScriptLoad {
  path: string;
  /** bytes over the network (0 from the cache) */
  transferred: number;
  decoded: number;
}

export interface PageFigures {
  name: string;
  path: string;
  cold: LoadFigures;
  warm: LoadFigures;
}

export interface PagesResult {
  pages: PageFigures[];
  floor: { scripts: number; transferredBytes: number; decodedBytes: number };
  rows: BenchRow[];
  passed: boolean;
}

function specs(brokerAddr: string): PageSpec[] {
  const c = `/clusters/${CLUSTER}`;
  return [
    { name: 'cluster overview', path: c, ready: ['[data-testid="broker-row"]'] },
    { name: 'broker', path: `${c}/brokers/${encodeURIComponent(brokerAddr)}`, ready: ['[data-testid="runtime-row"]'] },
    { name: 'topics', path: `${c}/topics`, ready: ['[data-testid="topic-row"]'] },
    { name: 'topic LabTopic', path: `${c}/topics/LabTopic`, ready: ['[data-testid="route-queue-row"]'] },
    { name: 'groups', path: `${c}/groups`, ready: ['[data-testid="group-row"]'] },
    { name: 'group lab_cg_cluster', path: `${c}/groups/lab_cg_cluster`, ready: ['[data-testid="progress-row"]'] },
    // the same page until its lag chart is drawn (the sampler has written points by the measured pass)
    { name: 'group, chart drawn', path: `${c}/groups/lab_cg_cluster?chart`, ready: ['[data-testid="lag-chart"] .recharts-line'], charts: true },
    { name: 'messages by key', path: `${c}/messages?mode=key&topic=LabTopic&key=CUST-1`, ready: ['[data-testid="message-row"]', '[data-testid="empty-state"]'] },
    { name: 'traces by key', path: `${c}/traces?key=CUST-4&topic=LabTopic`, ready: ['[data-testid="key-trace-row"]', '[data-testid="empty-state"]'] },
    { name: 'alerts', path: `${c}/alerts`, ready: ['[data-testid="rules"]', '[data-testid="empty-state"]'] },
    { name: 'audit', path: `${c}/audit`, ready: ['[data-testid="audit-row"]', '[data-testid="empty-state"]'] },
    { name: 'storage', path: `${c}/storage`, ready: ['[data-testid="storage-broker"]'] },
    { name: 'high availability', path: `${c}/ha`, ready: ['[data-testid="ha-replica"]'] },
  ];
}

/** Injected before any page script: long tasks and the paint entries, kept on window for the bench to read. */
const INIT_SCRIPT = `
  window.__bench = { longTasks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

interface Probe {
  contentMs: number;
}

/** Waits (in the page, every animation frame) for the main content and both hydration markers; returns when. */
async function waitForContent(page: Page, ready: string[]): Promise<Probe> {
  try {
    const handle = await page.waitForFunction(
      (selectors: string[]) => {
        if (document.documentElement.dataset.hydrated !== 'true') return false;
        if (document.querySelector('[data-hydration="pending"]')) return false;
        if (!selectors.some((s) => document.querySelector(s))) return false;
        return { contentMs: performance.now() };
      },
      ready,
      { polling: 'raf', timeout: LOAD_TIMEOUT_MS },
    );
    return (await handle.jsonValue()) as Probe;
  } catch (error) {
    // say which of the three conditions never held
    const state = await page
      .evaluate((selectors: string[]) => ({
        hydrated: document.documentElement.dataset.hydrated === 'true',
        pending: document.querySelectorAll('[data-hydration="pending"]').length,
        content: selectors.some((s) => document.querySelector(s)),
      }), ready)
      .catch(() => undefined);
    throw new Error(`no main content after ${LOAD_TIMEOUT_MS / 1000} s (${state ? `hydrated: ${state.hydrated}, pending boundaries: ${state.pending}, content ${ready.join(' or ')}: ${state.content}` : String(error)})`, { cause: error });
  }
}

/** TTI: the first moment after the content at which no long task starts for QUIET_MS (waits that long to know). */
async function waitForQuiet(page: Page, contentMs: number): Promise<{ ttiMs: number; longTasks: number; longTaskMs: number }> {
  const deadline = Date.now() + LOAD_TIMEOUT_MS;
  for (;;) {
    const state = await page.evaluate(() => {
      const tasks = (window as unknown as { __bench: { longTasks: [number, number][] } }).__bench.longTasks;
      return { tasks, now: performance.now() };
    });
    const lastEnd = Math.max(0, ...state.tasks.map(([, end]) => end));
    const tti = Math.max(contentMs, lastEnd);
    if (state.now - tti >= QUIET_MS) {
      return { ttiMs: tti, longTasks: state.tasks.length, longTaskMs: state.tasks.reduce((sum, [s, e]) => sum + (e - s), 0) };
    }
    if (Date.now() > deadline) throw new Error(`${page.url()}: the main thread was never quiet for ${QUIET_MS} ms`);
    await page.waitForTimeout(Math.max(50, QUIET_MS - (state.now - tti)));
  }
}

/** Script traffic of one navigation, from the DevTools protocol (what Chromium itself counts as transferred). */
async function loadOnce(context: BrowserContext, spec: PageSpec, baseUrl: string): Promise<LoadFigures> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const scripts = new Map<string, { url: string; network: boolean; transferred: number; decoded: number }>();
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Script') return;
    const network = !e.response.fromDiskCache && !e.response.fromPrefetchCache && !e.response.fromServiceWorker;
    scripts.set(e.requestId, { url: e.response.url, network, transferred: 0, decoded: 0 });
  });
  cdp.on('Network.requestServedFromCache', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.network = false;
  });
  cdp.on('Network.dataReceived', (e) => {
    const s = scripts.get(e.requestId);
    if (s) s.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const s = scripts.get(e.requestId);
    if (s && s.network) s.transferred = e.encodedDataLength;
  });
  await page.goto(baseUrl + spec.path, { waitUntil: 'commit', timeout: LOAD_TIMEOUT_MS });
  const { contentMs } = await waitForContent(page, spec.ready);
  const quiet = await waitForQuiet(page, contentMs);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  // the scripts are in by now (the page hydrated); their loadingFinished events may trail a moment
  await page.waitForTimeout(50);
  await page.close();
  const all = [...scripts.values()];
  return {
    jsTransferredBytes: all.reduce((sum, s) => sum + s.transferred, 0),
    jsDecodedBytes: all.reduce((sum, s) => sum + s.decoded, 0),
    jsRequests: all.length,
    jsNetworkRequests: all.filter((s) => s.network).length,
    fcpMs: fcp,
    contentMs,
    ttiMs: quiet.ttiMs,
    longTasks: quiet.longTasks,
    longTaskMs: quiet.longTaskMs,
    scripts: all.map((s) => ({ path: new URL(s.url).pathname, transferred: s.transferred, decoded: s.decoded })).sort((a, b) => a.path.localeCompare(b.path)),
  };
}

async function measurePage(browser: Browser, spec: PageSpec, baseUrl: string, storageState: string): Promise<PageFigures> {
  const context = await browser.newContext({ storageState, viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(INIT_SCRIPT);
    const cold = await loadOnce(context, spec, baseUrl);
    const warm = await loadOnce(context, spec, baseUrl);
    return { name: spec.name, path: spec.path, cold, warm };
  } finally {
    await context.close();
  }
}

/** The clusters file: the one console-config.sh writes for the 5.x sandbox when the bench runs on it, else one entry. */
function clustersFile(namesrv: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-pages-')), 'clusters.yaml');
  execFileSync('bash', [path.join(root, 'sandbox/scripts/console-config.sh'), file, '5.5.0']);
  if (!readFileSync(file, 'utf8').includes(`namesrv: ${namesrv}`)) {
    writeFileSync(file, `defaultCluster: ${CLUSTER}\nclusters:\n  - name: ${CLUSTER}\n    namesrv: ${namesrv}\n`);
  }
  return file;
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in: HTTP ${response.status} ${await response.text()}`);
  const url = new URL(baseUrl);
  const cookies = response.headers.getSetCookie().map((header) => {
    const [pair] = header.split(';');
    const at = pair!.indexOf('=');
    return { name: pair!.slice(0, at), value: pair!.slice(at + 1), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' as const };
  });
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'bench-pages-state-')), 'state.json');
  writeFileSync(file, JSON.stringify({ cookies, origins: [] }));
  return file;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number | null) => (value === null ? 'unknown' : `${fmt(value)} ms`);

function rowsOf(pages: PageFigures[], floor: PagesResult['floor'], specsByName: Map<string, PageSpec>): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const p of pages) {
    const charts = specsByName.get(p.name)?.charts === true;
    const jsGoal = charts ? GOALS.jsChartsKb : GOALS.jsKb;
    const jsMet = p.cold.jsTransferredBytes / 1024 <= jsGoal;
    rows.push({
      figure: `${p.name}: JS cold, compressed (decoded; requests)`,
      ours: `${kb(p.cold.jsTransferredBytes)} (${kb(p.cold.jsDecodedBytes)}; ${p.cold.jsRequests})`,
      reference: `${kb(floor.transferredBytes)} shared floor`,
      ratio: `${(p.cold.jsTransferredBytes / floor.transferredBytes).toFixed(2)}x`,
      goal: `<= ${jsGoal} KB${charts ? ' (charts)' : ''}`,
      met: jsMet,
      why: jsMet ? undefined : `${kb(p.cold.jsTransferredBytes - floor.transferredBytes)} beyond the shell; scripts: ${p.cold.scripts.length}`,
    });
    const ttiMet = p.cold.ttiMs <= GOALS.ttiColdMs;
    rows.push({
      figure: `${p.name}: TTI cold / warm (FCP cold)`,
      ours: `${ms(p.cold.ttiMs)} / ${ms(p.warm.ttiMs)} (${ms(p.cold.fcpMs)})`,
      goal: `<= ${GOALS.ttiColdMs} / ${GOALS.ttiWarmMs} ms`,
      met: ttiMet && p.warm.ttiMs <= GOALS.ttiWarmMs,
      why: ttiMet && p.warm.ttiMs <= GOALS.ttiWarmMs ? undefined : whyLate(p),
    });
  }
  return rows;
}

/** Where the time of a late page went: waiting for its data, or long tasks after the content. */
function whyLate(p: PageFigures): string {
  const late = p.cold.ttiMs > GOALS.ttiColdMs ? p.cold : p.warm;
  return `content at ${fmt(late.contentMs)} ms, ${late.longTasks} long tasks (${fmt(late.longTaskMs)} ms of main thread); a 2-core machine shared with other agents`;
}

export async function pagesBench(cluster: BenchCluster): Promise<PagesResult> {
  const pool = new ConnectionPool();
  const info = await getBrokerClusterInfo(pool, cluster.namesrv.split(';')[0]!);
  pool.close();
  const brokerA = [...info.brokers.values()].sort((a, b) => a.brokerName.localeCompare(b.brokerName))[0]!;
  const list = specs(brokerA.brokerAddrs.get(0)!);
  const server = await startConsole(cluster.namesrv, testPort(CONSOLE_PORT), {
    AUTH: 'on',
    CONSOLE_CONFIG: clustersFile(cluster.namesrv),
    CONSOLE_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: String(testPort(CONSOLE_PORT)),
    // lag history points within the unmeasured pass, so the group page has a chart to draw when measured
    LAG_SAMPLE_INTERVAL_MS: '5000',
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const pages: PageFigures[] = [];
  const failures: BenchRow[] = [];
  try {
    const state = await signIn(server.url);
    // one unmeasured load of every page: the server's first render of each route (module loading, the lag
    // snapshot's first build) is the server's cold start, not the browser's first load
    for (const spec of list) await measurePage(browser, spec, server.url, state).catch((error: unknown) => console.log(`  ${spec.name} (unmeasured pass): ${String(error)}`));
    for (const spec of list) {
      // a page that never shows its content is a missed goal with its reason, not the end of the bench
      await measurePage(browser, spec, server.url, state).then(
        (figures) => pages.push(figures),
        (error: unknown) => failures.push({ figure: `${spec.name}: first load`, ours: 'no content', goal: 'content, then TTI', met: false, why: error instanceof Error ? error.message : String(error) }),
      );
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  if (pages.length === 0) {
    console.log(rowsTable(failures));
    return { pages, floor: { scripts: 0, transferredBytes: 0, decodedBytes: 0 }, rows: failures, passed: false };
  }
  const floor = floorOf(pages);
  console.log(`\nFirst load of each page in Chromium (production build, gzip; cold = fresh context, warm = second load). Shared floor: ${floor.scripts} scripts, ${kb(floor.transferredBytes)} compressed`);
  console.log(
    table(
      ['page', 'path', 'JS KB cold (decoded)', 'JS req cold / warm net', 'own KB', 'FCP ms', 'content ms cold / warm', 'TTI ms cold / warm', 'long tasks'],
      pages.map((p) => [
        p.name, p.path.length > 40 ? `${p.path.slice(0, 39)}…` : p.path,
        `${(p.cold.jsTransferredBytes / 1024).toFixed(1)} (${(p.cold.jsDecodedBytes / 1024).toFixed(0)})`,
        `${p.cold.jsRequests} / ${p.warm.jsNetworkRequests}`,
        ((p.cold.jsTransferredBytes - floor.transferredBytes) / 1024).toFixed(1),
        p.cold.fcpMs === null ? 'unknown' : fmt(p.cold.fcpMs),
        `${fmt(p.cold.contentMs)} / ${fmt(p.warm.contentMs)}`,
        `${fmt(p.cold.ttiMs)} / ${fmt(p.warm.ttiMs)}`,
        `${p.cold.longTasks} (${fmt(p.cold.longTaskMs)} ms)`,
      ]),
    ),
  );
  const rows = [...rowsOf(pages, floor, new Map(list.map((s) => [s.name, s]))), ...failures];
  console.log(rowsTable(rows));
  return { pages, floor, rows, passed: rows.every((r) => r.met !== false) };
}

/** The scripts every measured page loads (the shell), with their sizes as the first page's cold load got them. */
function floorOf(pages: PageFigures[]): PagesResult['floor'] {
  const shared = pages.map((p) => new Set(p.cold.scripts.map((s) => s.path))).reduce((a, b) => new Set([...a].filter((s) => b.has(s))));
  const scripts = pages[0]!.cold.scripts.filter((s) => shared.has(s.path));
  return { scripts: scripts.length, transferredBytes: scripts.reduce((sum, s) => sum + s.transferred, 0), decodedBytes: scripts.reduce((sum, s) => sum + s.decoded, 0) };
}
