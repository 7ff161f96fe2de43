/**
 * Issue 3 figures: our client's admin round trips on one connection, sequential and pipelined, against the official
 * Java client's remoting layer making the same calls in one warm JVM (sandbox/java/RemotingBench.java).
 */
import { ConnectionPool } from '../lib/remoting';
import { decodeBrokerRuntimeInfo, getBrokerRuntimeInfoRequest } from '../lib/rocketmq/get-broker-runtime-info';
import { decodeTopicStatsTable, getTopicStatsInfoRequest } from '../lib/rocketmq/get-topic-stats-info';
import { runJava } from './sandbox';
import { fmt, measure, pipelined, sequential, table, type Measurement } from './stats';

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const PIPELINED = Number(process.env.BENCH_PIPELINED ?? 20000);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 64);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);

export async function adminCallsBench(brokerAddr: string, topic: string): Promise<{ ours: Measurement[]; java: Measurement[]; passed: boolean }> {
  const pool = new ConnectionPool();
  const connection = await pool.get(brokerAddr);
  const calls = {
    GET_BROKER_RUNTIME_INFO: async () => decodeBrokerRuntimeInfo(expectOk(await connection.request(getBrokerRuntimeInfoRequest(), 5000))),
    GET_TOPIC_STATS_INFO: async () => decodeTopicStatsTable(expectOk(await connection.request(getTopicStatsInfoRequest(topic), 5000))),
  };
  const ours: Measurement[] = [];
  for (const [name, fn] of Object.entries(calls)) {
    await sequential(WARMUP, fn);
    await pipelined(WARMUP, WINDOW, fn);
    const s = await sequential(CALLS, fn);
    ours.push(measure(name, 'sequential', s.lat, s.total));
    const p = await pipelined(PIPELINED, WINDOW, fn);
    ours.push(measure(name, 'pipelined', p.lat, p.total));
  }
  pool.close();

  const java = runJava<Measurement>('RemotingBench.java', [
    '--addr', brokerAddr, '--topic', topic, '--calls', String(CALLS), '--pipelined', String(PIPELINED),
    '--window', String(WINDOW), '--warmup', String(WARMUP),
  ]);

  console.log(`\nAdmin round trips on one connection to ${brokerAddr} (window ${WINDOW} when pipelined; bodies decoded on both sides)`);
  const rows = ours.map((o) => {
    const j = java.find((m) => m.call === o.call && m.mode === o.mode)!;
    return [
      o.call, o.mode, fmt(o.calls), fmt(o.callsPerSec), fmt(j.callsPerSec), `${(o.callsPerSec / j.callsPerSec).toFixed(2)}x`,
      `${o.p50Ms.toFixed(3)} / ${o.p99Ms.toFixed(3)}`, `${j.p50Ms.toFixed(3)} / ${j.p99Ms.toFixed(3)}`,
    ];
  });
  console.log(table(['call', 'mode', 'calls', 'ours calls/s', 'java calls/s', 'ours/java', 'ours p50 / p99 ms', 'java p50 / p99 ms'], rows));
  const passed = ours
    .filter((o) => o.mode === 'pipelined')
    .every((o) => o.callsPerSec >= java.find((m) => m.call === o.call && m.mode === 'pipelined')!.callsPerSec);
  console.log(`target: our pipelined calls/s >= the Java client's: ${passed ? 'met' : 'NOT met'}`);
  return { ours, java, passed };
}

function expectOk<T extends { code: number; remark?: string }>(reply: T): T {
  if (reply.code !== 0) throw new Error(`code ${reply.code}: ${reply.remark}`);
  return reply;
}
