/**
 * The oracle: runs the official mqadmin against a sandbox (LIVE unless told which: every helper takes an optional
 * last `on`, e.g. SANDBOXES.v4) and parses what it prints. It runs in a warm JVM (test-support/mqadmin-server.ts),
 * or with MQADMIN_SERVER=off in a JVM of its own per call (sandbox/scripts/mqadmin.sh, 1.5-5 s each). Read-only
 * answers are cached on disk for one test run when MQADMIN_CACHE_DIR is set (sandbox/scripts/test.sh sets and
 * clears it). mqadmin exits 0 when its command failed (it prints the exception's stack trace), so a Java
 * exception in its output, or no output at all, rejects here, and only good answers are cached.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { runOnServer, serverEnabled } from './mqadmin-server';
import { LIVE, type Sandbox } from './sandbox';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../sandbox/scripts/mqadmin.sh');

/** mqadmin printed a Java exception (or nothing): its command failed. `code` is the RocketMQ response code it names. */
export class MqadminError extends Error {
  constructor(
    readonly args: string[],
    readonly stdout: string,
    readonly stderr: string,
  ) {
    const cause = javaFailure(`${stderr}\n${stdout}`) ?? 'printed nothing';
    super(`mqadmin ${args.join(' ')}: ${cause}`);
    this.name = 'MqadminError';
  }

  get code(): number | undefined {
    const m = /CODE: ?(\d+)/.exec(`${this.stderr}\n${this.stdout}`);
    return m ? Number(m[1]) : undefined;
  }
}

/** The exception line (the deepest "Caused by" when there is one) when the text holds a Java stack trace. */
export function javaFailure(text: string): string | undefined {
  const exception = /^(?:Exception in thread .*|(?:Caused by: )?[\w$.]+(?:Exception|Error)(?::.*)?)$/gm;
  const frames = /^\s+at [\w$.<>/]+\(.*\)$/m;
  const lines = [...text.matchAll(exception)].map((m) => m[0]);
  if (lines.length === 0 && !frames.test(text)) return undefined;
  return (lines.filter((l) => l.startsWith('Caused by: ')).at(-1) ?? lines[0] ?? 'a Java stack trace').replace(/^Caused by: /, '');
}

export interface MqadminOptions {
  /** Read the answer from (and write it to) MQADMIN_CACHE_DIR; default true. */
  cache?: boolean;
  /** The sandbox to ask; default LIVE. */
  on?: Sandbox;
}

/** stdout and stderr of one mqadmin command, whatever it printed (for tests that expect it to fail). Never cached. */
export async function mqadminOutput(args: string[], on: Sandbox = LIVE): Promise<{ stdout: string; stderr: string }> {
  const started = Date.now();
  const { stdout, stderr } = serverEnabled(args) ? await runOnServer([...args, '-n', on.namesrv], on) : await runInOwnJvm(args, on);
  if (process.env.MQADMIN_LOG) appendFileSync(process.env.MQADMIN_LOG, `${Date.now() - started}\t${on.version}\t${args.join(' ')}\n`);
  return { stdout, stderr };
}

function runInOwnJvm(args: string[], on: Sandbox): Promise<{ stdout: string; stderr: string }> {
  return run('bash', [script, ...args, '-n', on.namesrv], {
    env: { ...process.env, RMQ_VERSION: on.version, SANDBOX_DIR: on.dir, SANDBOX_AUTH: on.auth ? 'on' : 'off' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
}

/** What mqadmin printed, or `failed: <the exception>` when it failed: for comparing before and after. Never cached. */
export async function mqadminOutcome(args: string[], on: Sandbox = LIVE): Promise<string> {
  const { stdout, stderr } = await mqadminOutput(args, on);
  const failure = javaFailure(stderr) ?? javaFailure(stdout);
  return failure !== undefined ? `failed: ${failure}` : stdout;
}

/** Subcommands that only read: one that timed out on a broker's channel is asked again too (CI: listUser, 781 ms). */
const READS = /^(query|list|get|topicList|topicStatus|topicRoute|consumerProgress|consumerConnection|consumerStatus|producerConnection|clusterList|clusterAclConfigVersion|brokerStatus|brokerConsumeStats|statsAll|exportMetadata)/;

function isRead(args: string[]): boolean {
  return READS.test(args[0] ?? '');
}

function timedOut(output: string): boolean {
  return output.includes('RemotingTimeoutException');
}

function namesrvTimedOut(output: string, on: Sandbox): boolean {
  // Netty prints the address with a leading slash: "channel </127.0.0.1:9876> timeout"
  return timedOut(output) && (output.includes(`channel </${on.namesrv}> timeout`) || output.includes(`channel <${on.namesrv}> timeout`));
}

/** What mqadmin printed on stdout; rejects with MqadminError when it printed a Java exception or nothing. */
export async function mqadmin(args: string[], { cache = true, on = LIVE }: MqadminOptions = {}): Promise<string> {
  const dir = process.env.MQADMIN_CACHE_DIR;
  const key = createHash('sha1').update(`${on.version} ${on.namesrv} ${args.join('\u0000')}`).digest('hex');
  const file = dir ? path.join(dir, `${key}.out`) : undefined;
  if (cache && file && existsSync(file)) return readFileSync(file, 'utf8');
  let { stdout, stderr } = await mqadminOutput(args, on);
  // mqadmin's own route lookup gives the namesrv a few hundred ms to 3 s; a machine busy running two sandboxes and the
  // tests misses that now and then (CI: "wait response on the channel </127.0.0.1:9876> timeout, 752(ms)"). Nothing
  // reached a broker then, so the command is asked again, twice at most; a read is asked again whichever call timed out
  for (let retry = 0; retry < 2 && (namesrvTimedOut(`${stderr}\n${stdout}`, on) || (isRead(args) && timedOut(`${stderr}\n${stdout}`))); retry++) {
    await new Promise((r) => setTimeout(r, 1000));
    ({ stdout, stderr } = await mqadminOutput(args, on));
  }
  if (stdout.trim() === '' || javaFailure(stderr) !== undefined || javaFailure(stdout) !== undefined) throw new MqadminError(args, stdout, stderr);
  if (cache && file && dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, stdout);
  }
  return stdout;
}

/**
 * Data rows of a table whose header line starts with '#', split on runs of 2+ spaces (values never contain them).
 * Throws when there is no header: that output is not the table asked for.
 */
export function tableRows(output: string): string[][] {
  const lines = output.split('\n');
  const header = lines.findIndex((l) => l.startsWith('#'));
  if (header < 0) throw new Error(`mqadmin printed no table header:\n${output.slice(0, 2000)}`);
  const rows: string[][] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.trim() === '' || line.startsWith('#')) break;
    rows.push(line.trim().split(/\s{2,}/));
  }
  return rows;
}

export interface ClusterListRow {
  cluster: string;
  brokerName: string;
  brokerId: number;
  addr: string;
  version: string;
  inTps: number;
  outTps: number;
  /** 5.x: the #Timer(Progress) column, "<readBehind>-<offsetBehind>(<congestion/10^4>w, <enqueue tps>, <dequeue tps>)". */
  timerProgress?: string;
}

/** clusterList, read fresh: its rates and the timer progress move, so a cached answer from an earlier test would lie. */
export async function clusterList(on: Sandbox = LIVE): Promise<ClusterListRow[]> {
  return tableRows(await mqadmin(['clusterList'], { on, cache: false })).map((r) => ({
    cluster: r[0]!,
    brokerName: r[1]!,
    brokerId: Number(r[2]),
    addr: r[3]!,
    version: r[4]!,
    inTps: Number(r[5]!.split('(')[0]),
    outTps: Number(r[6]!.split('(')[0]),
    ...(on.isV5 ? { timerProgress: r[7]! } : {}),
  }));
}

/** clusterList -m: yesterday/today in and out totals, rows in the same order as clusterList. */
export async function clusterListMore(on: Sandbox = LIVE): Promise<Array<{ brokerName: string; inYest: number; outYest: number; inToday: number; outToday: number }>> {
  return tableRows(await mqadmin(['clusterList', '-m'], { on, cache: false })).map((r) => ({
    brokerName: r[1]!,
    inYest: Number(r[2]),
    outYest: Number(r[3]),
    inToday: Number(r[4]),
    outToday: Number(r[5]),
  }));
}

export async function brokerStatus(addr: string, cache = true, on: Sandbox = LIVE): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of (await mqadmin(['brokerStatus', '-b', addr], { cache, on })).split('\n')) {
    const m = /^(\S+?)\s*: (.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Uncached by default: brokers create some system topics lazily (4.9 makes RMQ_SYS_TRANS_HALF_TOPIC a minute in). */
export async function topicList(cache = false, on: Sandbox = LIVE): Promise<string[]> {
  return (await mqadmin(['topicList'], { cache, on })).split('\n').map((l) => l.trim()).filter(Boolean);
}

export interface TopicRouteOutput {
  brokerDatas: Array<{ cluster: string; brokerName: string; brokerAddrs: Record<string, string> }>;
  queueDatas: Array<{ brokerName: string; readQueueNums: number; writeQueueNums: number; perm: number; topicSysFlag: number }>;
  /** The namesrv's KV orderConf of the topic; only when the namesrv has orderMessageEnable (the sandbox's has). */
  orderTopicConf?: string;
}

/**
 * topicRoute prints fastjson, whose integer map keys are unquoted (`"brokerAddrs":{0:"127.0.0.1:10911"}`). The oracle
 * must not share the console's decoder (lib/rocketmq/fastjson.ts), so here a key is quoted by a regex of its own
 * (digits right after `{` or `,` and before `:`; the route's strings never hold that) and JSON.parse reads the rest.
 */
export function parseTopicRoute(output: string): TopicRouteOutput {
  const json = output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1);
  const route = JSON.parse(json.replace(/([{,]\s*)(-?\d+)(\s*:)/g, '$1"$2"$3')) as TopicRouteOutput;
  if (!Array.isArray(route.brokerDatas) || !Array.isArray(route.queueDatas)) throw new Error(`mqadmin topicRoute printed no route:\n${output}`);
  return route;
}

/** cache false: the route as it is now (tests that change the topic read it again). */
export async function topicRoute(topic: string, on: Sandbox = LIVE, cache = true): Promise<TopicRouteOutput> {
  return parseTopicRoute(await mqadmin(['topicRoute', '-t', topic], { on, cache }));
}

export interface TopicStatusRow {
  brokerName: string;
  queueId: number;
  minOffset: number;
  maxOffset: number;
  lastUpdated: string;
}

export async function topicStatus(topic: string, on: Sandbox = LIVE, cache = true): Promise<TopicStatusRow[]> {
  return tableRows(await mqadmin(['topicStatus', '-t', topic], { on, cache })).map((r) => ({
    brokerName: r[0]!,
    queueId: Number(r[1]),
    minOffset: Number(r[2]),
    maxOffset: Number(r[3]),
    lastUpdated: r[4] ?? '',
  }));
}

/** mqadmin's "yyyy-MM-dd HH:mm:ss,SSS" in the JVM's zone (UTC here) as epoch ms; 1970... for 0. */
export function mqadminTime(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:,(\d{3}))?$/.exec(text.trim());
  if (!m) return Number.NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +(m[7] ?? 0));
}

/** updateOrderConf -t <topic> -m get: the orderConf the namesrv holds for the topic (`broker-b:4;broker-a:4`). */
export async function orderConf(topic: string, on: Sandbox = LIVE): Promise<string> {
  const out = await mqadmin(['updateOrderConf', '-t', topic, '-m', 'get'], { on });
  const m = /orderConf=\[([^\]]*)\]/.exec(out);
  if (!m) throw new Error(`mqadmin updateOrderConf -m get printed no orderConf:\n${out}`);
  return m[1]!;
}

export interface ProgressRow {
  topic: string;
  brokerName: string;
  queueId: number;
  brokerOffset: number;
  consumerOffset: number;
  diff: number;
  /** 5.x only */
  inflight?: number;
  lastTime: string;
}

export interface GroupProgress {
  rows: ProgressRow[];
  consumeTps: number;
  diffTotal: number;
}

/**
 * consumerProgress -g <group> [-t topic]: rows in MessageQueue order, then the totals. 4.9's mqadmin has no -t,
 * so there the rows of the other topics are dropped here (and the totals recomputed).
 */
export async function consumerProgress(group: string, topic?: string, cache = true, on: Sandbox = LIVE): Promise<GroupProgress> {
  if (topic && !on.isV5) {
    const all = await consumerProgress(group, undefined, cache, on);
    const rows = all.rows.filter((r) => r.topic === topic);
    return { rows, consumeTps: all.consumeTps, diffTotal: rows.reduce((n, r) => n + r.diff, 0) };
  }
  const out = await mqadmin(['consumerProgress', '-g', group, ...(topic ? ['-t', topic] : [])], { cache, on });
  const lines = out.split('\n');
  const header = lines.findIndex((l) => l.startsWith('#Topic'));
  if (header < 0) throw new Error(`mqadmin consumerProgress -g ${group} printed no #Topic table:\n${out}`);
  const hasInflight = lines[header]!.includes('#Inflight');
  const rows: ProgressRow[] = [];
  for (const line of lines.slice(header + 1)) {
    if (line.trim() === '') break;
    const f = line.trim().split(/\s+/);
    // topic broker qid brokerOffset consumerOffset diff [inflight] date time
    rows.push({
      topic: f[0]!,
      brokerName: f[1]!,
      queueId: Number(f[2]),
      brokerOffset: Number(f[3]),
      consumerOffset: Number(f[4]),
      diff: Number(f[5]),
      inflight: hasInflight ? Number(f[6]) : undefined,
      lastTime: f.slice(hasInflight ? 7 : 6).join(' '),
    });
  }
  return {
    rows,
    consumeTps: Number(/Consume TPS: ([\d.]+)/.exec(out)?.[1] ?? NaN),
    // 5.x prints "Consume Diff Total: N", 4.9 "Diff Total: N"
    diffTotal: Number(/Diff Total: (-?\d+)/.exec(out)?.[1] ?? NaN),
  };
}

export interface GroupListRow {
  group: string;
  count: number;
  version: string;
  type: string;
  model: string;
  tps: number;
  diffTotal: number;
}

/** consumerProgress without -g: one row per group that has a %RETRY% topic. */
export async function consumerProgressAll(cache = true, on: Sandbox = LIVE): Promise<GroupListRow[]> {
  const out = await mqadmin(['consumerProgress'], { cache, on });
  const rows: GroupListRow[] = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    if (f[2] === 'OFFLINE') {
      rows.push({ group: f[0]!, count: Number(f[1]), version: 'OFFLINE', type: '', model: '', tps: Number(f[3]), diffTotal: Number(f[4]) });
    } else if (f.length >= 7) {
      rows.push({ group: f[0]!, count: Number(f[1]), version: f[2]!, type: f[3]!, model: f[4]!, tps: Number(f[5]), diffTotal: Number(f[6]) });
    }
  }
  return rows;
}

export interface ConnectionOutput {
  clients: Array<{ clientId: string; clientAddr: string; language: string; version: string }>;
  subscriptions: Array<{ topic: string; expression: string }>;
  consumeType: string;
  messageModel: string;
  consumeFromWhere: string;
}

/** consumerConnection -g <group> (only while online). */
export async function consumerConnection(group: string, cache = true, on: Sandbox = LIVE): Promise<ConnectionOutput> {
  const out = await mqadmin(['consumerConnection', '-g', group], { cache, on });
  const lines = out.split('\n');
  const result: ConnectionOutput = { clients: [], subscriptions: [], consumeType: '', messageModel: '', consumeFromWhere: '' };
  let section: 'clients' | 'subs' | 'none' = 'none';
  for (const line of lines) {
    if (line.startsWith('#ClientId')) { section = 'clients'; continue; }
    if (line.startsWith('#Topic')) { section = 'subs'; continue; }
    if (line.startsWith('Below is subscription')) { section = 'none'; continue; }
    const kv = /^(ConsumeType|MessageModel|ConsumeFromWhere): (\S+)/.exec(line);
    if (kv) {
      if (kv[1] === 'ConsumeType') result.consumeType = kv[2]!;
      if (kv[1] === 'MessageModel') result.messageModel = kv[2]!;
      if (kv[1] === 'ConsumeFromWhere') result.consumeFromWhere = kv[2]!;
      continue;
    }
    if (line.trim() === '') continue;
    const f = line.trim().split(/\s+/);
    // a client that reconnected after a broker stalled is listed once per channel until the old one expires: the
    // console shows clients, so the oracle is the distinct client ids
    if (section === 'clients' && f.length >= 4 && !result.clients.some((c) => c.clientId === f[0])) result.clients.push({ clientId: f[0]!, clientAddr: f[1]!, language: f[2]!, version: f[3]! });
    if (section === 'subs') result.subscriptions.push({ topic: f[0]!, expression: f.slice(1).join(' ') });
  }
  return result;
}

export interface ConsumerStatusOutput {
  properties: Record<string, string>;
  offsets: Array<{ topic: string; brokerName: string; queueId: number; offset: number }>;
  /** #Consumer MQ Detail#: each queue's ProcessQueueInfo, as its toString prints it (locked, lastLockTimestamp, ...). */
  details: Array<{ topic: string; brokerName: string; queueId: number; info: Record<string, string> }>;
  /** #Consumer Subscription#: the client's own subscriptions. */
  subscriptions: Array<{ topic: string; expression: string }>;
  /** #Consumer RT&TPS#: per topic, as the client's stats print them. */
  rates: Array<{ topic: string; consumeRT: number; consumeOKTPS: number; consumeFailedTPS: number; consumeFailedMsgsInHour: number }>;
}

/** consumerStatus -g <group> -i <clientId>: the client's properties, its offset per queue and each queue's process-queue state. */
export async function consumerStatus(group: string, clientId: string, on: Sandbox = LIVE): Promise<ConsumerStatusOutput> {
  const out = await mqadmin(['consumerStatus', '-g', group, '-i', clientId], { cache: false, on });
  const result: ConsumerStatusOutput = { properties: {}, offsets: [], details: [], subscriptions: [], rates: [] };
  let section = '';
  for (const line of out.split('\n')) {
    if (/^#Consumer [A-Za-z& ]+#$/.test(line.trim())) { section = line.trim(); continue; }
    if (line.startsWith('#') || line.trim() === '') continue;
    if (section === '#Consumer Properties#') {
      const m = /^(\S+)\s*: (.*)$/.exec(line);
      if (m) result.properties[m[1]!] = m[2]!.trim();
    } else if (section === '#Consumer Offset#') {
      const f = line.trim().split(/\s+/);
      result.offsets.push({ topic: f[0]!, brokerName: f[1]!, queueId: Number(f[2]), offset: Number(f[3]) });
    } else if (section === '#Consumer Subscription#') {
      const m = /^\d+ Topic: (\S+)\s.*SubExpression: (.*)$/.exec(line.trim());
      if (m) result.subscriptions.push({ topic: m[1]!, expression: m[2]!.trim() });
    } else if (section === '#Consumer RT&TPS#') {
      const f = line.trim().split(/\s+/);
      // topic pullRT pullTPS consumeRT consumeOKTPS consumeFailedTPS consumeFailedMsgsInHour
      if (f.length === 7) result.rates.push({ topic: f[0]!, consumeRT: Number(f[3]), consumeOKTPS: Number(f[4]), consumeFailedTPS: Number(f[5]), consumeFailedMsgsInHour: Number(f[6]) });
    } else if (section === '#Consumer MQ Detail#') {
      const m = /^(\S+)\s+(\S+)\s+(\d+)\s+ProcessQueueInfo \[(.*)\]\s*$/.exec(line);
      if (!m) continue;
      const info: Record<string, string> = {};
      for (const pair of m[4]!.split(', ')) {
        const [k, v] = pair.split('=');
        if (k && v !== undefined) info[k] = v;
      }
      result.details.push({ topic: m[1]!, brokerName: m[2]!, queueId: Number(m[3]), info });
    }
  }
  return result;
}

/** consumerStatus -g <group> -i <clientId> -s: the thread dump after the report, as each thread's header line names it. */
export async function consumerThreads(group: string, clientId: string, on: Sandbox = LIVE): Promise<Array<{ name: string; tid: number; state: string }>> {
  const out = await mqadmin(['consumerStatus', '-g', group, '-i', clientId, '-s'], { cache: false, on });
  const threads: Array<{ name: string; tid: number; state: string }> = [];
  for (const line of out.split('\n')) {
    const at = line.lastIndexOf('TID: ');
    const m = at < 0 ? null : /^TID: (\d+) STATE: (\S+)$/.exec(line.slice(at).trim());
    if (m) threads.push({ name: line.slice(0, at).trimEnd(), tid: Number(m[1]), state: m[2]! });
  }
  return threads;
}

/** getConsumerConfig -g <group>: the group's config per broker, as field = value. */
export async function consumerConfig(group: string, on: Sandbox = LIVE): Promise<Array<Record<string, string>>> {
  const out = await mqadmin(['getConsumerConfig', '-g', group], { cache: false, on });
  const blocks: Array<Record<string, string>> = [];
  for (const line of out.split('\n')) {
    // each broker's block starts with a ===== line naming it
    if (line.startsWith('=====')) { blocks.push({ _header: line.replace(/=/g, '') }); continue; }
    const m = /^(\w+)\s*=\s+(.*)$/.exec(line);
    if (m && blocks.length > 0) blocks[blocks.length - 1]![m[1]!] = m[2]!.trim();
  }
  return blocks;
}

/** topicList -c: [cluster, topic, group] rows (the groups the brokers say consume each topic). */
export async function topicListWithGroups(on: Sandbox = LIVE): Promise<Array<{ cluster: string; topic: string; group: string }>> {
  return tableRows(await mqadmin(['topicList', '-c'], { cache: false, on })).map((r) => ({ cluster: r[0]!, topic: r[1]!, group: r[2] ?? '' }));
}

/** getBrokerConfig -b <addr> or getNamesrvConfig: key -> value, read fresh (changes are what these tests check). */
export async function brokerConfig(addr: string, on: Sandbox = LIVE): Promise<Record<string, string>> {
  return keyValueBlock(await mqadmin(['getBrokerConfig', '-b', addr], { cache: false, on }));
}

/**
 * exportMetadata -c DefaultCluster -t: the topic configs mqadmin gathers from the cluster's masters, with their 5.x
 * attributes (message.type), as it writes them to topic.json (plain JSON). Read fresh.
 */
export async function exportedTopicConfigs(on: Sandbox = LIVE): Promise<Record<string, { readQueueNums: number; writeQueueNums: number; perm: number; order: boolean; attributes: Record<string, string> }>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqadmin-export-'));
  try {
    await mqadmin(['exportMetadata', '-c', 'DefaultCluster', '-t', '-f', dir], { cache: false, on });
    return (JSON.parse(readFileSync(path.join(dir, 'topic.json'), 'utf8')) as { topicConfigTable: Record<string, never> }).topicConfigTable;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function namesrvConfig(on: Sandbox = LIVE): Promise<Record<string, string>> {
  return keyValueBlock(await mqadmin(['getNamesrvConfig'], { cache: false, on }));
}

function keyValueBlock(out: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const m = /^(\w[\w.]*)\s+=\s{2}(.*)$/.exec(line);
    if (m) values[m[1]!] = m[2]!.trim();
  }
  if (Object.keys(values).length < 10) throw new Error(`mqadmin printed no configuration:\n${out.slice(0, 2000)}`);
  return values;
}

/** producer -b <addr>: every producer connection the broker lists, as [group, clientId, remote address, language, version ordinal]. */
export async function producersOfBroker(addr: string, on: Sandbox = LIVE): Promise<Array<{ group: string; clientId: string; remoteAddr: string; language: string; version: number }>> {
  const out = await mqadmin(['producer', '-b', addr], { cache: false, on });
  const rows: Array<{ group: string; clientId: string; remoteAddr: string; language: string; version: number }> = [];
  for (const line of out.split('\n')) {
    const m = /^producer group \((.+)\) instance : clientId=(.+),remoteIP=\/?([^,]+), language=(\w+), version=(\d+),/.exec(line.trim());
    if (m) rows.push({ group: m[1]!, clientId: m[2]!, remoteAddr: m[3]!, language: m[4]!, version: Number(m[5]) });
  }
  return rows;
}

/** producerConnection -g <group> -t <topic>: the group's clients on one broker of the topic, as [clientId, address, language, version]. */
export async function producerConnection(group: string, topic: string, on: Sandbox = LIVE): Promise<Array<{ clientId: string; clientAddr: string; language: string; version: string }>> {
  const out = await mqadmin(['producerConnection', '-g', group, '-t', topic], { cache: false, on });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length === 5 && /^\d{4}$/.test(f[0]!))
    .map((f) => ({ clientId: f[1]!, clientAddr: f[2]!, language: f[3]!, version: f[4]! }));
}

/** mqadmin listUser -b <addr> (ACL 2.0), passwords left out. */
export async function listUsers(addr: string, on: Sandbox = LIVE): Promise<Array<{ username: string; userType: string; userStatus: string }>> {
  return tableRows(await mqadmin(['listUser', '-b', addr], { cache: false, on })).map((r) => ({ username: r[0]!, userType: r[2]!, userStatus: r[3]! }));
}

/** mqadmin listAcl -b <addr> (ACL 2.0): one row per policy entry; "null" source IPs = from anywhere. */
export async function listAcls(addr: string, on: Sandbox = LIVE): Promise<Array<{ subject: string; policyType: string; resource: string; actions: string[]; sourceIps: string[]; decision: string }>> {
  return tableRows(await mqadmin(['listAcl', '-b', addr], { cache: false, on })).map((r) => ({
    subject: r[0]!,
    policyType: r[1]!,
    resource: r[2]!,
    actions: r[3]!.replace(/^\[|\]$/g, '').split(/,\s*/).filter(Boolean),
    sourceIps: r[4] === 'null' ? [] : r[4]!.replace(/^\[|\]$/g, '').split(/,\s*/).filter(Boolean),
    decision: r[5]!,
  }));
}

/** mqadmin brokerConsumeStats -b <addr>: every group's offsets on that broker (POP groups included, which consumerProgress cannot find). */
export async function brokerConsumeStats(addr: string, on: Sandbox = LIVE): Promise<Array<{ topic: string; group: string; brokerName: string; queueId: number; brokerOffset: number; consumerOffset: number; diff: number }>> {
  return tableRows(await mqadmin(['brokerConsumeStats', '-b', addr], { cache: false, on })).map((r) => ({
    topic: r[0]!,
    group: r[1]!,
    brokerName: r[2]!,
    queueId: Number(r[3]),
    brokerOffset: Number(r[4]),
    consumerOffset: Number(r[5]),
    diff: Number(r[6]),
  }));
}
