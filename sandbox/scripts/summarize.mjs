// Adds up the JSON reports of every suite (vitest and Playwright) and prints one line per suite, then the total
// as the very last line: "N passed, N failed[, N skipped]". Exit code 1 when anything failed or a report is missing.
// A suite that ran (passed + failed) fewer tests than its baseline in test-counts.json counts as one more failure,
// named: tests that vanish (an empty fixture table, a skipped file) must not go unnoticed. After adding or removing
// tests on purpose, run `npm test` with TEST_COUNTS_UPDATE=1: the suites that ran and passed then write their counts
// into test-counts.json (commit it with the tests).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const baselineFile = path.join(import.meta.dirname, 'test-counts.json');
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : {};
const updateBaseline = process.env.TEST_COUNTS_UPDATE === '1';

const suites = process.argv.slice(2).map((arg) => {
  const [name, file] = arg.split('=');
  return { name, file };
});
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
const failures = [];
// eslint-disable-next-line no-control-regex -- strips the ANSI colour codes of reporters' messages
const firstLine = (m) => String(m ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim()) ?? '';
function playwrightFailures(name, suitesOf) {
  for (const suite of suitesOf ?? []) {
    playwrightFailures(name, suite.suites);
    for (const spec of suite.specs ?? []) {
      if (!spec.ok) failures.push(`${name}: ${spec.file} > ${spec.title}: ${firstLine(spec.tests?.[0]?.results?.at(-1)?.error?.message)}`);
    }
  }
}
for (const { name, file } of suites) {
  if (!existsSync(file)) {
    console.log(`${name}: no report (${file}): the suite did not run to the end`);
    failed += 1;
    broken = true;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let p;
  let f;
  let s;
  if (report.stats && 'expected' in report.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky counts as passed (it passed on retry)
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
    s = report.stats.skipped;
    playwrightFailures(name, report.suites);
    if ((report.errors ?? []).length > 0) {
      f += report.errors.length;
      for (const e of report.errors) console.log(`${name}: ${String(e.message ?? '').split('\n')[0]}`);
    }
  } else {
    // vitest (jest-compatible JSON)
    p = report.numPassedTests;
    f = report.numFailedTests;
    s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // a file that failed with none of its tests failed: it did not load, or a hook (beforeAll) failed and its tests
    // were skipped; each counts as one failure, named with its message
    const suiteErrors = (report.testResults ?? []).filter((r) => r.status === 'failed' && !(r.assertionResults ?? []).some((a) => a.status === 'failed'));
    f += suiteErrors.length;
    for (const r of report.testResults ?? []) {
      const file = String(r.name ?? '').replace(process.cwd() + '/', '');
      if (suiteErrors.includes(r)) failures.push(`${name}: ${file}: ${firstLine(r.message)}`);
      for (const a of r.assertionResults ?? []) {
        if (a.status === 'failed') failures.push(`${name}: ${file} > ${a.title}: ${firstLine(a.failureMessages?.[0])}`);
      }
    }
    if (report.numTotalTests === 0 && suiteErrors.length === 0) {
      console.log(`${name}: ran no test`);
      broken = true;
    }
  }
  const expected = baseline[name];
  let note = '';
  if (updateBaseline) {
    if (f === 0) baseline[name] = p;
    note = f === 0 ? ` (baseline ${expected ?? 'none'} -> ${p})` : ' (failures: baseline left as it was)';
  } else if (typeof expected !== 'number') {
    note = ' (no baseline in test-counts.json)';
    failures.push(`${name}: no test count in sandbox/scripts/test-counts.json (TEST_COUNTS_UPDATE=1 npm test writes it)`);
    f += 1;
  } else if (p + f < expected) {
    note = ` (ran ${p + f}, baseline ${expected})`;
    failures.push(`${name}: ran ${p + f} tests, fewer than the ${expected} of sandbox/scripts/test-counts.json`);
    f += 1;
  } else if (p + f > expected) {
    note = ` (ran ${p + f}, baseline ${expected}: raise it with TEST_COUNTS_UPDATE=1)`;
  }
  console.log(`${name}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}${note}`);
  passed += p;
  failed += f;
  skipped += s;
}
if (updateBaseline) {
  writeFileSync(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`test counts written to ${path.relative(process.cwd(), baselineFile)}`);
}
// the failures again, by name, just above the total: CI logs are often read from the end
for (const line of failures) console.log(`FAILED ${line}`.slice(0, 400));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken ? 1 : 0);
