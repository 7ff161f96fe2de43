/**
 * `npm run bench`: speed figures measured side by side in one run, printed with their ratios. Targets live here,
 * never in timed tests. Results are also written to bench/results/<timestamp>.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConnectionPool } from '../lib/remoting';
import { getBrokerClusterInfo } from '../lib/rocketmq/get-broker-cluster-info';
import { adminCallsBench } from './admin-calls';
import { alertsBench } from './alerts';
import { alertsStormBench } from './alerts-storm';
import { diagnosisMemoryBench } from './diagnosis-memory';
import { authBench } from './auth';
import { changesBench } from './changes';
import { groupsBench } from './groups';
import { messagesBench } from './messages';
import { pagesBench } from './pages';
import { resetBench } from './reset';
import { rowsTable, type BenchRow } from './rows';
import { scanBench } from './scan';
import { topicsBench } from './topics';
import { ensureCluster, ensureSecondCluster, root, version } from './sandbox';

const only = process.env.BENCH_ONLY?.split(',');
// the console-server measurements (auth, groups, pages, the HTTP scan, topics) need a production build
const serves = !only || ['auth', 'groups', 'pages', 'scan', 'topics'].some((name) => only.includes(name));
if (serves && !existsSync(path.join(root, '.next/BUILD_ID'))) execFileSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
const cluster = ensureCluster();
const results: Record<string, unknown> = { at: new Date().toISOString(), rocketmq: version, namesrv: cluster.namesrv, node: process.version };
let failed = false;
try {
  const pool = new ConnectionPool();
  const info = await getBrokerClusterInfo(pool, cluster.namesrv.split(';')[0]!);
  pool.close();
  const brokerA = [...info.brokers.values()].sort((a, b) => a.brokerName.localeCompare(b.brokerName))[0]!;
  const master = brokerA.brokerAddrs.get(0)!;
  console.log(`RocketMQ ${version} at ${cluster.namesrv}; measuring against ${brokerA.brokerName} master ${master}`);

  if (!only || only.includes('admin')) {
    const admin = await adminCallsBench(master, process.env.BENCH_TOPIC ?? 'LabTopic', cluster.env);
    results.adminCalls = admin;
    failed ||= !admin.passed;
  }
  if (!only || only.includes('alerts')) {
    const alerts = alertsBench();
    results.alerts = alerts;
    failed ||= !alerts.passed;
    const storm = await alertsStormBench();
    results.alertsStorm = storm;
    failed ||= !storm.passed;
    results.diagnosisMemory = diagnosisMemoryBench();
  }
  if (!only || only.includes('reset')) {
    const reset = await resetBench(cluster);
    results.reset = reset;
    failed ||= !reset.passed;
  }
  if (!only || only.includes('changes')) {
    const changes = await changesBench(cluster);
    results.changes = changes;
    failed ||= !changes.passed;
  }
  if (!only || only.includes('messages')) {
    const messages = await messagesBench(cluster);
    results.messages = messages;
    failed ||= !messages.passed;
  }
  if (!only || only.includes('scan')) {
    const scan = await scanBench(cluster);
    results.scan = scan;
    failed ||= !scan.passed;
  }
  if (!only || only.includes('auth')) {
    const auth = await authBench(cluster);
    results.auth = auth;
    failed ||= !auth.passed;
  }
  if (!only || only.includes('pages')) {
    const pages = await pagesBench(cluster);
    results.pages = pages;
    failed ||= !pages.passed;
  }
  // before the groups: their 50,000 seeded groups bring as many %RETRY% topics, and the topic figures are at 20,000
  if (!only || only.includes('topics')) {
    const topics = await topicsBench(cluster);
    results.topics = topics;
    failed ||= !topics.passed;
  }
  if (!only || only.includes('groups')) {
    const counts = (process.env.BENCH_GROUPS ?? '10000,50000').split(',').map(Number);
    const second = ensureSecondCluster();
    try {
      const groups = await groupsBench(cluster, counts, second);
      results.groups = groups;
      failed ||= !groups.passed;
    } finally {
      second.stop();
    }
  }
} finally {
  cluster.stop();
}
// issue 15's one table: every figure with rows (ours, the reference of the same run, the ratio, the goal)
const rows = Object.values(results).flatMap((r) => (r && typeof r === 'object' && Array.isArray((r as { rows?: unknown }).rows) ? (r as { rows: BenchRow[] }).rows : []));
if (rows.length > 0) console.log(`\n=== side by side (one run, ${version}) ===\n${rowsTable(rows)}`);
const dir = path.join(root, 'bench/results');
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${results.at as string}.json`.replaceAll(':', '-'));
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nresults written to ${path.relative(process.cwd(), file)}${failed ? '; some targets were NOT met' : '; every target met'}`);
