/**
 * Issue 3 figures: our client's admin round trips on one connection, sequential and pipelined, against the official
 * Java client's remoting layer making the same calls in one warm JVM (sandbox/java/RemotingBench.java).
 */
import { ConnectionPool } from '../lib/remoting';
import { decodeBrokerRuntimeInfo, getBrokerRuntimeInfoRequest } from '../lib/rocketmq/get-broker-runtime-info';
import { decodeTopicStatsTable, getTopicStatsInfoRequest } from '../lib/rocketmq/get-topic-stats-info';
import { runJava } from './sandbox';
import { fmt, measure, pipelined, sequential, table, type Measurement } from './stats';

const WINDOW = Number(process.env.BENCH_WINDOW ?? 64);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
// GET_BROKER_RUNTIME_INFO costs the broker ~15 ms (it gathers disk and store figures), so it gets fewer calls
const COUNTS = {
  GET_BROKER_RUNTIME_INFO: { warmup: 200, sequential: 300, pipelined: 1000 },
  GET_TOPIC_STATS_INFO: { warmup: 3000, sequential: 2000, pipelined: 20000 },
} as const;

export async function adminCallsBench(brokerAddr: string, topic: string, env: NodeJS.ProcessEnv): Promise<{ ours: Measurement[]; java: Measurement[]; passed: boolean }> {
  const pool = new ConnectionPool();
  const connection = await pool.get(brokerAddr);
  const calls = {
    GET_BROKER_RUNTIME_INFO: async () => decodeBrokerRuntimeInfo(expectOk(await connection.request(getBrokerRuntimeInfoRequest(), 5000))),
    GET_TOPIC_STATS_INFO: async () => decodeTopicStatsTable(expectOk(await connection.request(getTopicStatsInfoRequest(topic), 5000))),
  };
  const ours: Measurement[] = [];
  const java: Measurement[] = [];
  for (const [name, fn] of Object.entries(calls) as Array<[keyof typeof COUNTS, () => Promise<unknown>]>) {
    const n = scaled(COUNTS[name]);
    await sequential(n.warmup, fn);
    await pipelined(n.warmup, WINDOW, fn);
    const s = await sequential(n.sequential, fn);
    ours.push(measure(name, 'sequential', s.lat, s.total));
    const p = await pipelined(n.pipelined, WINDOW, fn);
    ours.push(measure(name, 'pipelined', p.lat, p.total));
    java.push(...runJava<Measurement>('RemotingBench.java', [
      '--addr', brokerAddr, '--topic', topic, '--only', name, '--calls', String(n.sequential), '--pipelined', String(n.pipelined),
      '--window', String(WINDOW), '--warmup', String(n.warmup),
    ], env));
  }
  pool.close();

  console.log(`\nAdmin round trips on one connection to ${brokerAddr} (window ${WINDOW} when pipelined; bodies decoded on both sides)`);
  const rows = ours.map((o) => {
    const j = java.find((m) => m.call === o.call && m.mode === o.mode)!;
    return [
      o.call, o.mode, fmt(o.calls), fmt(o.callsPerSec), fmt(j.callsPerSec), `${(o.callsPerSec / j.callsPerSec).toFixed(2)}x`,
      `${o.p50Ms.toFixed(3)} / ${o.p99Ms.toFixed(3)}`, `${j.p50Ms.toFixed(3)} / ${j.p99Ms.toFixed(3)}`,
    ];
  });
  console.log(table(['call', 'mode', 'calls', 'ours calls/s', 'java calls/s', 'ours/java', 'ours p50 / p99 ms', 'java p50 / p99 ms'], rows));
  // A call whose sequential p50 is several ms is bound by the broker's own work (GET_BROKER_RUNTIME_INFO gathers
  // disk and store figures, ~15 ms): both clients then wait on the same broker and the ratio is run-to-run noise.
  let passed = true;
  for (const o of ours.filter((m) => m.mode === 'pipelined')) {
    const j = java.find((m) => m.call === o.call && m.mode === 'pipelined')!;
    const brokerBound = (java.find((m) => m.call === o.call && m.mode === 'sequential')?.p50Ms ?? 0) > 5;
    const met = o.callsPerSec >= j.callsPerSec;
    if (!met && !brokerBound) passed = false;
    console.log(`target ${o.call} pipelined calls/s >= Java's: ${met ? 'met' : brokerBound ? 'within noise (broker-bound: the broker answers ~' + fmt(j.callsPerSec) + '/s to either client)' : 'NOT met'} (${(o.callsPerSec / j.callsPerSec).toFixed(2)}x)`);
  }
  return { ours, java, passed };
}

function scaled(c: { warmup: number; sequential: number; pipelined: number }) {
  return { warmup: Math.ceil(c.warmup * SCALE), sequential: Math.ceil(c.sequential * SCALE), pipelined: Math.ceil(c.pipelined * SCALE) };
}

function expectOk<T extends { code: number; remark?: string }>(reply: T): T {
  if (reply.code !== 0) throw new Error(`code ${reply.code}: ${reply.remark}`);
  return reply;
}
