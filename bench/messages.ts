/**
 * Issue 6 figures: p50/p99 of a message lookup by offsetMsgId, by client msgId (with the topic, and without it:
 * the topic then comes from the trace), of a key search, and of a trace assembly, against the bench sandbox's
 * seeded traffic; each next to one run of the mqadmin command that answers the same question (JVM start included).
 * Targets: lookup by msgId <= 100 ms, by key <= 100 ms, trace assembly <= 300 ms (p50).
 */
import path from 'node:path';
import { benchConsole } from './console';
import { searchByKey } from '../lib/console/messages/by-key';
import { findMessageById } from '../lib/console/messages/lookup';
import { getMessageTrace } from '../lib/console/traces/trace';
import { sentMessages } from '../test-support/mqadmin-messages';
import { timeMqadmin, version, type BenchCluster } from './sandbox';
import { fmt, table } from './stats';

const RUNS = Number(process.env.BENCH_MESSAGE_RUNS ?? 60);

async function timed(fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await fn(0); // warm: connections, route and cluster caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await fn(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, p99: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]! };
}

export async function messagesBench(cluster: BenchCluster) {
  const { console: app, ctx } = benchConsole(cluster.namesrv, { requestTimeoutMs: 5000, fanOutDeadlineMs: 10_000 });
  const { admin } = ctx;
  const sent = sentMessages(cluster.env.SANDBOX_DIR ?? path.join(import.meta.dirname, '../.sandbox', version)).filter((s) => s.kind === 'normal');
  const pick = (i: number) => sent[i % sent.length]!;
  const byOffset = await timed((i) => findMessageById(admin, pick(i).offsetMsgId));
  const byUniqKey = await timed((i) => findMessageById(admin, pick(i).msgId, 'LabTopic'));
  const byUniqKeyTraced = await timed((i) => findMessageById(admin, pick(i).msgId));
  const byKey = await timed((i) => searchByKey(ctx, { topic: 'LabTopic', key: `CUST-${i % 5}`, begin: 0, end: Date.now(), limit: 1000 }));
  const trace = await timed((i) => getMessageTrace(ctx, { msgId: pick(i).msgId }));
  await app.close();
  const one = sent[0]!;
  const mq = {
    byOffset: timeMqadmin(['queryMsgById', '-i', one.offsetMsgId, ...(version.startsWith('4') ? [] : ['-t', 'LabTopic'])], cluster.env).ms,
    byUniqKey: timeMqadmin(['queryMsgByUniqueKey', '-i', one.msgId, '-t', 'LabTopic'], cluster.env).ms,
    byKey: timeMqadmin(['queryMsgByKey', '-t', 'LabTopic', '-k', 'CUST-2'], cluster.env).ms,
    trace: timeMqadmin(['queryMsgTraceById', '-i', one.msgId], cluster.env).ms,
  };
  const targets = { byOffset: 100, byUniqKey: 100, byUniqKeyTraced: 100, byKey: 100, trace: 300 };
  const rows: Array<[string, { p50: number; p99: number }, number, number | undefined]> = [
    ['lookup by offsetMsgId (VIEW_MESSAGE_BY_ID)', byOffset, targets.byOffset, mq.byOffset],
    ['lookup by client msgId, topic given', byUniqKey, targets.byUniqKey, mq.byUniqKey],
    ['lookup by client msgId, topic from trace', byUniqKeyTraced, targets.byUniqKeyTraced, undefined],
    ['search by key (every master)', byKey, targets.byKey, mq.byKey],
    ['trace assembly (+ stored message, groups)', trace, targets.trace, mq.trace],
  ];
  console.log(`\nMessage lookups (${RUNS} runs each after one warm-up, ${sent.length} seeded messages)`);
  console.log(
    table(
      ['what', 'p50 ms', 'p99 ms', 'target p50', 'mqadmin ms (one run, JVM incl.)'],
      rows.map(([what, t, target, m]) => [what, t.p50.toFixed(1), t.p99.toFixed(1), `<= ${target}`, m === undefined ? '' : fmt(m)]),
    ),
  );
  const passed = rows.every(([, t, target]) => t.p50 <= target);
  console.log(`targets: ${passed ? 'met' : 'NOT met'}`);
  return { byOffset, byUniqKey, byUniqKeyTraced, byKey, trace, mqadminMs: mq, passed };
}
