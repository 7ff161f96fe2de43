/**
 * npm run reliability [-- --inputs N --seed S --only decoders,routes,login,store,faults,load,audit --kills N --groups N --operators N --duration S]:
 * each reliability check, what was tried, what held, the figure and the goal, in one table. The store check starts
 * the project's PostgreSQL (sandbox/scripts/postgres.sh) beside SQLite; the fault and load checks start RocketMQ
 * sandboxes of their own (and stop them). Exits non-zero when a check misses its goal.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresSchemaDatabase } from '../test-support/databases';
import { startConsole } from '../test-support/console-server';
import { DEFAULT_PORTS, testPort } from '../test-support/sandbox';
import { auditWriters } from './audit-log';
import { faultFigures, type FaultFigures } from './faults';
import { fuzzDecoders } from './fuzz';
import { loadFigures, printLoadFigures } from './load';
import { loginFigures } from './login';
import { npmAuditFigures } from './npm-audit';
import { badInputFigures } from './routes';
import { startReliabilitySandbox } from './sandbox';
import { storeCrashFigures, type StoreCrashFigures } from './store-crash';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1]!.split(',') : undefined;
const runs = (check: string) => !only || only.includes(check);
const n = (x: number) => x.toLocaleString('en-US');
const root = path.resolve(import.meta.dirname, '..');

type Row = [check: string, tried: string, held: string, figure: string, goal: string];
const rows: Row[] = [];
const notes: string[] = [];
let failed = false;
const miss = (why: string) => {
  failed = true;
  notes.push(`MISSED: ${why}`);
};

if (runs('decoders')) {
  const fuzz = await fuzzDecoders({ inputs: arg('inputs', 1_000_000), seed: arg('seed', 1), slowMs: 100 });
  rows.push(
    ['decoders under mutation', `${n(fuzz.inputs)} inputs over ${fuzz.targets} decoder × fixture targets`, `${n(fuzz.decoded)} decoded, ${n(fuzz.refused)} refused with a typed error`, `${fuzz.crashCount} runtime faults`, '0'],
    ['  time per input', 'bound 100 ms + 250 ms per MiB of input', `${fuzz.slow} over the bound`, `slowest ${fuzz.slowestMs.toFixed(1)} ms (${fuzz.slowest ? `${(fuzz.slowest.bytes / 1024).toFixed(0)} KiB, ${fuzz.slowest.mutation}` : '-'})`, '0 over'],
    ['  memory', 'length fields at 2^31, 2^32-1, past the end', 'no large allocation', `peak RSS ${fuzz.peakRssMb} MB`, '< 1024 MB'],
    ['  run time', '', '', `${(fuzz.ms / 1000).toFixed(1)} s (${n(Math.round(fuzz.inputs / (fuzz.ms / 1000)))} inputs/s)`, ''],
  );
  for (const c of fuzz.crashes.slice(0, 10)) notes.push(`fault: ${c.target} (${c.mutation}): ${c.error} [${c.sample}]`);
  if (fuzz.skipped.length > 0) notes.push(`not fuzzed (need more than a reply): ${fuzz.skipped.join(', ')}`);
  if (fuzz.crashCount > 0 || fuzz.slow > 0 || fuzz.peakRssMb >= 1024) miss('decoders');
}

if (runs('routes')) {
  const routes = await badInputFigures();
  rows.push(
    ['routes under bad input', `${n(routes.requests)} requests to ${routes.handlers} handlers of ${routes.routes} routes`, `${routes.held} a 4xx naming what was wrong, no stack`, `${routes.failures.length} not`, '0'],
    ['  broker calls', 'a loopback namesrv counting bytes', '', `${routes.brokerBytes} bytes reached it`, '0'],
    ['  every query key', `${n(routes.queryValues.requests)} bad values to ${routes.queryValues.keys} keys (not a number, 1e400, -10^20, 0.5, NUL and RTL, 5,000 chars, a lone surrogate)`, `${routes.queryValues.refused} refused naming the key, ${routes.queryValues.elsewhere} naming a key it needs first, ${routes.queryValues.taken} taken as text`, 'failures counted above', '0 failures'],
  );
  for (const f of routes.failures.slice(0, 10)) notes.push(`route: ${f}`);
  if (routes.failures.length > 0 || routes.brokerBytes > 0) miss('routes under bad input');
}

if (runs('audit')) {
  const code = auditWriters();
  rows.push(['audit log append-only', `the product's ${code.files} source files`, 'no UPDATE or DELETE of an audit table; routes: reads and undo only (bad-input.test.ts)', `${code.writers.length} statements`, '0']);
  if (code.writers.length > 0) miss(`audit rows changed in ${code.writers.join(', ')}`);
  const audit = npmAuditFigures();
  rows.push(audit.ran
    ? ['npm audit, production dependencies', 'the registry\'s advisories', '', `${audit.high + audit.critical} high or critical of ${audit.total}`, '0 high']
    : ['npm audit, production dependencies', 'the registry\'s advisories', 'could not be asked here', audit.reason, '0 high']);
  if (audit.ran && audit.high + audit.critical > 0) miss('npm audit');
}

if (runs('login')) {
  const login = await loginFigures();
  rows.push(
    ['password guessing, one address', `${login.single.attempts} wrong passwords for admin in ${(login.single.ms / 1000).toFixed(1)} s`, `${login.single.refused} refused at once (429), the right password too: ${login.single.rightPasswordRefused ? 'yes' : 'NO'}`, `${login.single.checked} reached the password check`, `${login.maxFailures} per ${login.windowS} s`],
    ['password guessing, spread', `${login.spread.attempts} guesses from ${login.spread.addresses} addresses`, 'limited per address, not per user', `${login.spread.checked} reached the password check, ${login.checkMs} ms each (scrypt)`, 'every guess costs a check'],
  );
  if (login.single.checked > login.maxFailures || !login.single.rightPasswordRefused) miss('login rate limit');
}

if (runs('store')) {
  const kills = arg('kills', 20);
  const storeRow = (f: StoreCrashFigures): Row => [
    `store under kill -9 (${f.kind})`,
    `${f.kills} kills of a process writing audit entries and lag history`,
    `${n(f.acknowledged.entries)} entries, ${n(f.acknowledged.outcomes)} outcomes, ${n(f.acknowledged.progress)} progress parts, ${n(f.acknowledged.lagSamples)} lag samples acknowledged; ${f.unreadable} unreadable`,
    `${f.lost.entries + f.lost.outcomes + f.lost.progress} audit rows, ${f.lost.lagRows} lag rows lost`,
    '0 lost',
  ];
  const sqlite = await storeCrashFigures({ sqlitePath: path.join(mkdtempSync(path.join(os.tmpdir(), 'reliability-store-')), 'console.db') }, { kills });
  rows.push(storeRow(sqlite));
  notes.push(...sqlite.problems.slice(0, 5));
  if (sqlite.problems.length > 0) miss('SQLite store under kill -9');
  let url: string | undefined;
  try {
    url = execFileSync('bash', [path.join(root, 'sandbox/scripts/postgres.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch (error) {
    rows.push(['store under kill -9 (postgres)', '', 'PostgreSQL did not start', error instanceof Error ? error.message.split('\n')[0]! : String(error), '0 lost']);
    miss('PostgreSQL did not start');
  }
  if (url) {
    const database = await postgresSchemaDatabase(url);
    try {
      const pg = await storeCrashFigures(database.options, { kills });
      rows.push(storeRow(pg));
      notes.push(...pg.problems.slice(0, 5));
      if (pg.problems.length > 0) miss('PostgreSQL store under kill -9');
    } finally {
      await database.drop();
      execFileSync('bash', [path.join(root, 'sandbox/scripts/postgres.sh'), 'stop'], { stdio: 'inherit' });
    }
  }
}

if (runs('faults')) {
  const lab = startReliabilitySandbox();
  let figures: FaultFigures | undefined;
  try {
    const server = await startConsole(lab.sandbox.namesrv, testPort(DEFAULT_PORTS.faultsConsole), { CONSOLE_BACKGROUND: 'on' });
    try {
      figures = await faultFigures(lab.sandbox, `${server.url}/api/clusters/default`, lab.env, (line) => console.log(line));
    } finally {
      await server.stop();
    }
  } finally {
    lab.stop();
  }
  const held = figures.calls.filter((c) => c.held).length;
  const worst = [...figures.calls].sort((a, b) => b.ms / b.deadlineMs - a.ms / a.deadlineMs)[0];
  rows.push(
    ['faults: broker-b SIGKILL, SIGSTOP; namesrv SIGKILL', `${figures.faults} faults × ${figures.calls.length / figures.faults} calls (group list, group page, key, trace, range scan, reset and redrive previews, a reset)`, `${held} within the deadline, no 500, complete or naming what failed`, `${figures.calls.length - held} not; slowest ${worst ? `${worst.call} ${n(worst.ms)} of ${n(worst.deadlineMs)} ms (${worst.fault})` : '-'}`, '0 not'],
    ['  recovery', 'every call again until all answer complete', '', figures.recoveryMs.map((r) => `${r.fault}: ${r.ms === null ? 'never' : `${(r.ms / 1000).toFixed(1)} s`}`).join('; '), 'all recover'],
    ['  resets during faults', `${figures.resets.applied} applied during a fault`, `${figures.resets.auditWithOutcome} audit entries with their outcome, ${figures.resets.undone} undone; offsets as before (mqadmin): ${figures.resets.restored ? 'yes' : 'NO'}`, `${figures.resets.auditLost} audit rows lost`, '0 lost'],
  );
  for (const c of figures.calls.filter((x) => !x.held)) notes.push(`fault call: ${c.fault} / ${c.call}: HTTP ${c.status} in ${c.ms} ms: ${c.detail}`);
  notes.push(...figures.resets.problems);
  if (held < figures.calls.length || figures.recoveryMs.some((r) => r.ms === null) || figures.resets.auditLost > 0 || !figures.resets.restored || figures.resets.problems.length > 0) miss('faults');
}

if (runs('load')) {
  const groups = arg('groups', 10_000);
  const load = await loadFigures({ groups, operators: arg('operators', 50), durationS: arg('duration', 60) });
  printLoadFigures(load);
  const worst = [...load.routes].filter((r) => !r.route.startsWith('metrics')).sort((a, b) => b.p99Ms - a.p99Ms)[0];
  rows.push(
    ['load', `${load.operators} operators for ${load.durationS} s at ${n(load.groups)} groups (no think time; the route table is printed above)`, `${n(load.requests)} requests, ${load.requestsPerS.toFixed(1)}/s`, `${load.errors} errors; slowest p99 ${worst ? `${worst.route} ${n(worst.p99Ms)} ms` : '-'}`, '0 errors'],
    ['  console', 'RSS and event-loop delay (its own histogram, per 10 s scrape)', `RSS warm ${n(load.rss.warmMb)} MB, peak ${n(load.rss.peakMb)} MB`, `event loop p99 ${n(load.eventLoop.worstWindowP99Ms)} ms, max ${n(load.eventLoop.maxMs)} ms (idle p99 ${n(load.eventLoop.idleP99Ms)} ms)`, ''],
    ['  lag snapshot', `interval ${n(load.snapshot.intervalMs)} ms; built in ${n(load.snapshot.idleDurationMs)} ms idle`, load.snapshot.kept ? 'kept its interval' : 'did NOT keep its interval', `largest gap ${n(load.snapshot.largestGapMs)} ms`, 'kept'],
    ['  range scans', `${load.scans.scanners} clients scanning at once from ${load.scans.fromS} s`, `${load.scans.streamed} streamed, ${load.scans.refused} refused (429), ${load.scans.failed} failed`, `at most ${load.scans.maxAtOnce} streaming at once; headers p99 ${n(load.scans.headersP99Ms)} ms`, `bound ${process.env.SCAN_CONCURRENCY ?? 4} at once`],
  );
  if (load.errors > 0) miss('errors under load');
  if (!load.snapshot.kept) miss('the lag snapshot did not keep its interval under load');
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...[['check', 'tried', 'held', 'figure', 'goal'], ...rows].map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(['check', 'tried', 'held', 'figure', 'goal']));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
for (const note of notes) console.log(note);
process.exitCode = failed ? 1 : 0;
