/**
 * The generic change pipeline (previewAnyChange, applyAnyChange: plan, confirmation, lock, drift check, audit, apply)
 * next to mqadmin making the same change:
 *  1. topic.upsert across the whole cluster, alternating 8 and 9 read/write queues so each run changes something,
 *     next to `mqadmin updateTopic -c DefaultCluster` doing the same alternation;
 *  2. broker.config of five keys RocketMQ reads at each use (harmless to flip for a while) on one master, alternating
 *     two value sets, next to five `mqadmin updateBrokerConfig` calls (it takes one key per call) timed together.
 * Each side's result is checked on the cluster afterwards (route and broker config); the original broker values are
 * put back at the end. Target: our plan + apply p50 below mqadmin's p50, for both changes.
 */
import { applyAnyChange, previewAnyChange } from '../lib/console/change-kinds';
import type { ChangeContext } from '../lib/console/context';
import { parseFastjson } from '../lib/rocketmq/fastjson';
import { getBrokerConfig } from '../lib/rocketmq/get-broker-config';
import { getRouteInfoByTopic } from '../lib/rocketmq/get-route-info-by-topic';
import { benchConsole } from './console';
import { timeMqadmin, type BenchCluster } from './sandbox';
import { fmt, measure, table } from './stats';

const TOPIC = 'BenchChangesTopic';
const RUNS = Number(process.env.BENCH_CHANGES_RUNS ?? 20);
/** Each mqadmin run starts a JVM (five for a config change): a few runs only. */
const MQADMIN_TOPIC_RUNS = 5;
const MQADMIN_CONFIG_RUNS = 3;
const QUEUES = [8, 9] as const;
/** Keys of RUNTIME_KEYS (brokers/change/schema.ts) whose change neither stops traffic nor deletes anything here. */
const CONFIG_SETS = [
  { fileReservedTime: '72', diskMaxUsedSpaceRatio: '80', deleteWhen: '03', autoCreateSubscriptionGroup: 'false', enablePropertyFilter: 'false' },
  { fileReservedTime: '73', diskMaxUsedSpaceRatio: '81', deleteWhen: '05', autoCreateSubscriptionGroup: 'true', enablePropertyFilter: 'true' },
] as const;
const KEYS = Object.keys(CONFIG_SETS[0]);

export interface ChangeFigures {
  planP50Ms: number;
  planP99Ms: number;
  applyP50Ms: number;
  applyP99Ms: number;
  mqadminP50Ms: number;
  mqadminRuns: number;
  /** mqadmin p50 / (our plan p50 + apply p50) */
  ratio: number;
  /** Both our last change and mqadmin's last one read back from the cluster as set. */
  verified: boolean;
}

export interface ChangesResult {
  runs: number;
  topic: ChangeFigures;
  brokerConfig: ChangeFigures & { broker: string; keys: string[] };
  passed: boolean;
}

/** Plans and applies one change, confirmed as its plan asks; the two durations apart. */
async function change(ctx: ChangeContext, action: string, request: unknown): Promise<{ planMs: number; applyMs: number }> {
  const t0 = performance.now();
  const plan = await previewAnyChange(ctx, { action, request });
  const t1 = performance.now();
  if (plan.blockers.length > 0) throw new Error(`${action} planned nothing to do: ${plan.blockers.join('; ')}`);
  const result = await applyAnyChange(ctx, { previewId: plan.previewId, confirm: plan.typedConfirmation ? plan.target.name : true });
  const t2 = performance.now();
  if (result.status !== 'completed') throw new Error(`${action} ${result.status}: ${result.steps.map((s) => `${s.where} ${s.outcome}${s.error ? ` (${s.error})` : ''}`).join('; ')}`);
  return { planMs: t1 - t0, applyMs: t2 - t1 };
}

function figures(plan: number[], apply: number[], mqadmin: number[], verified: boolean): ChangeFigures {
  const p = measure('plan', 'sequential', Float64Array.from(plan), 1);
  const a = measure('apply', 'sequential', Float64Array.from(apply), 1);
  const mqadminP50Ms = measure('mqadmin', 'sequential', Float64Array.from(mqadmin), 1).p50Ms;
  return { planP50Ms: p.p50Ms, planP99Ms: p.p99Ms, applyP50Ms: a.p50Ms, applyP99Ms: a.p99Ms, mqadminP50Ms, mqadminRuns: mqadmin.length, ratio: mqadminP50Ms / (p.p50Ms + a.p50Ms), verified };
}

/** Polls the namesrv's route until every master shows n read and write queues (the brokers re-register at once). */
async function routeShows(ctx: ChangeContext, masters: string[], n: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const route = await getRouteInfoByTopic(ctx.admin, ctx.admin.config.namesrvAddrs[0]!, TOPIC).catch(() => undefined);
    const ok = route && masters.every((b) => route.queueDatas.some((q) => q.brokerName === b && q.readQueueNums === n && q.writeQueueNums === n));
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** `mqadmin getBrokerConfig` prints "key = value" lines. */
function mqadminBrokerConfig(addr: string, env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of timeMqadmin(['getBrokerConfig', '-b', addr], env).output.split('\n')) {
    const m = /^\s*([A-Za-z][\w.]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

export async function changesBench(cluster: BenchCluster): Promise<ChangesResult> {
  const { console: app, change: ctx } = benchConsole(cluster.namesrv, { requestTimeoutMs: 10_000, fanOutDeadlineMs: 30_000 });
  try {
    const nodes = await ctx.admin.brokerNodes();
    const masters = nodes.filter((n) => n.clusterName === 'DefaultCluster' && n.brokerId === 0).sort((a, b) => a.brokerName.localeCompare(b.brokerName));
    if (masters.length === 0) throw new Error('no master in DefaultCluster');
    const masterNames = masters.map((n) => n.brokerName);

    // 1. topic.upsert on every master of the cluster; created once first (untimed: it also opens the store and the connections)
    const topicRequest = (n: number) => ({ topic: TOPIC, clusterName: 'DefaultCluster', readQueueNums: n, writeQueueNums: n });
    const created = await previewAnyChange(ctx, { action: 'topic.upsert', request: topicRequest(4) });
    if (created.lines.length > 0) await applyAnyChange(ctx, { previewId: created.previewId, confirm: created.typedConfirmation ? created.target.name : true });
    const topicPlan: number[] = [];
    const topicApply: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = await change(ctx, 'topic.upsert', topicRequest(QUEUES[i % 2]!));
      topicPlan.push(t.planMs);
      topicApply.push(t.applyMs);
    }
    // ours checked by mqadmin, mqadmin's by our route read
    const oursLast = QUEUES[(RUNS - 1) % 2]!;
    const routeText = timeMqadmin(['topicRoute', '-t', TOPIC], cluster.env).output;
    // fastjson text: brokerAddrs has unquoted integer keys
    const route = parseFastjson(routeText.slice(routeText.indexOf('{'))) as unknown as { queueDatas: Array<{ brokerName: string; readQueueNums: number; writeQueueNums: number }> };
    let topicVerified = masterNames.every((b) => route.queueDatas.some((q) => q.brokerName === b && q.readQueueNums === oursLast && q.writeQueueNums === oursLast));
    if (!topicVerified) console.log(`our topic change did not show in mqadmin topicRoute (wanted ${oursLast} queues on ${masterNames.join(', ')}): ${JSON.stringify(route.queueDatas)}`);
    const topicMqadmin: number[] = [];
    let mqadminLast = oursLast;
    for (let j = 0; j < MQADMIN_TOPIC_RUNS; j++) {
      mqadminLast = QUEUES[(RUNS + j) % 2]!;
      const run = timeMqadmin(['updateTopic', '-c', 'DefaultCluster', '-t', TOPIC, '-r', String(mqadminLast), '-w', String(mqadminLast)], cluster.env);
      // mqadmin prints an exception and exits 0 when a call fails
      const reached = run.output.split('\n').filter((l) => l.includes('create topic to')).length;
      if (reached !== masters.length) throw new Error(`mqadmin updateTopic reached ${reached} of ${masters.length} masters:\n${run.output}`);
      topicMqadmin.push(run.ms);
    }
    const mqadminTopicOk = await routeShows(ctx, masterNames, mqadminLast);
    if (!mqadminTopicOk) console.log(`mqadmin's topic change did not show in the route (wanted ${mqadminLast} queues)`);
    topicVerified &&= mqadminTopicOk;
    const topic = figures(topicPlan, topicApply, topicMqadmin, topicVerified);

    // 2. broker.config of five keys on the first master; its original values put back at the end
    const broker = masters[0]!;
    const original = (await getBrokerConfig(ctx.admin, broker.addr)).properties;
    const originals = Object.fromEntries(KEYS.map((k) => [k, original[k]!]));
    const missing = KEYS.filter((k) => originals[k] === undefined);
    if (missing.length > 0) throw new Error(`${broker.addr} has no ${missing.join(', ')}`);
    const configPlan: number[] = [];
    const configApply: number[] = [];
    const configMqadmin: number[] = [];
    let configVerified = false;
    try {
      for (let i = 0; i < RUNS; i++) {
        const t = await change(ctx, 'broker.config', { brokerName: broker.brokerName, changes: CONFIG_SETS[i % 2]! });
        configPlan.push(t.planMs);
        configApply.push(t.applyMs);
      }
      const off = (wanted: Record<string, string>, now: Record<string, string>) => KEYS.filter((k) => now[k] !== wanted[k]).map((k) => `${k}=${now[k]} (wanted ${wanted[k]})`);
      const oursOff = off(CONFIG_SETS[(RUNS - 1) % 2]!, mqadminBrokerConfig(broker.addr, cluster.env));
      if (oursOff.length > 0) console.log(`mqadmin getBrokerConfig after our changes: ${oursOff.join(', ')}`);
      let lastSet: Record<string, string> = CONFIG_SETS[(RUNS - 1) % 2]!;
      for (let j = 0; j < MQADMIN_CONFIG_RUNS; j++) {
        lastSet = CONFIG_SETS[(RUNS + j) % 2]!;
        let ms = 0;
        for (const [key, value] of Object.entries(lastSet)) {
          const run = timeMqadmin(['updateBrokerConfig', '-b', broker.addr, '-k', key, '-v', value], cluster.env);
          if (!run.output.includes('success')) throw new Error(`mqadmin updateBrokerConfig ${key}=${value} did not report success:\n${run.output}`);
          ms += run.ms;
        }
        configMqadmin.push(ms);
      }
      const mqadminOff = off(lastSet, mqadminBrokerConfig(broker.addr, cluster.env));
      if (mqadminOff.length > 0) console.log(`mqadmin getBrokerConfig after mqadmin's changes: ${mqadminOff.join(', ')}`);
      configVerified = oursOff.length === 0 && mqadminOff.length === 0;
    } finally {
      const restore = await previewAnyChange(ctx, { action: 'broker.config', request: { brokerName: broker.brokerName, changes: originals } });
      if (restore.lines.length > 0) await applyAnyChange(ctx, { previewId: restore.previewId, confirm: restore.typedConfirmation ? restore.target.name : true });
      const now = (await getBrokerConfig(ctx.admin, broker.addr)).properties;
      const notBack = KEYS.filter((k) => now[k] !== originals[k]);
      if (notBack.length > 0) console.log(`${broker.addr}: ${notBack.join(', ')} not restored`);
    }
    const brokerConfig = { ...figures(configPlan, configApply, configMqadmin, configVerified), broker: `${broker.brokerName} (${broker.addr})`, keys: KEYS };

    const result: ChangesResult = { runs: RUNS, topic, brokerConfig, passed: false };
    const met = (f: ChangeFigures) => f.verified && f.planP50Ms + f.applyP50Ms < f.mqadminP50Ms;
    result.passed = met(topic) && met(brokerConfig);
    const ms = (n: number) => n.toFixed(1);
    const rows = (what: string, f: ChangeFigures, mqadmin: string): string[][] => [
      [what, `ours (${RUNS} runs)`, ms(f.planP50Ms), ms(f.planP99Ms), ms(f.applyP50Ms), ms(f.applyP99Ms), ms(f.planP50Ms + f.applyP50Ms), '', f.verified ? 'yes' : 'NO'],
      ['', `${mqadmin} (${f.mqadminRuns} runs, JVM included)`, '', '', '', '', fmt(f.mqadminP50Ms), `${f.ratio.toFixed(1)}x`, ''],
    ];
    console.log(`\nChanges through the generic pipeline (plan; apply = confirmation, lock, drift check, audit, calls) next to mqadmin`);
    console.log(
      table(
        ['change', 'by', 'plan p50 ms', 'plan p99 ms', 'apply p50 ms', 'apply p99 ms', 'p50 ms', 'mqadmin/ours', 'verified'],
        [
          ...rows(`topic.upsert ${QUEUES.join('<->')} queues on ${masterNames.join(', ')}`, topic, 'mqadmin updateTopic -c'),
          ...rows(`broker.config of ${KEYS.length} keys on ${broker.brokerName}`, brokerConfig, `${KEYS.length} x mqadmin updateBrokerConfig`),
        ],
      ),
    );
    console.log(`keys: ${KEYS.join(', ')} (restored to ${KEYS.map((k) => originals[k]).join(', ')})`);
    console.log(`target our plan + apply p50 < mqadmin p50, changes verified on the cluster: ${result.passed ? 'met' : 'NOT met'}`);
    return result;
  } finally {
    await app.close();
  }
}
