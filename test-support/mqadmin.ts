/**
 * The oracle: runs the official mqadmin (sandbox/scripts/mqadmin.sh) against the live sandbox and parses what it
 * prints. A call costs 1.5-5 s of JVM, so read-only answers are cached on disk for one test run when
 * MQADMIN_CACHE_DIR is set (sandbox/scripts/test.sh sets and clears it).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseFastjson, type JsonValue } from '../lib/rocketmq/fastjson';
import { LIVE } from './sandbox';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../sandbox/scripts/mqadmin.sh');

export async function mqadmin(args: string[], { cache = true }: { cache?: boolean } = {}): Promise<string> {
  const dir = process.env.MQADMIN_CACHE_DIR;
  const key = createHash('sha1').update(`${LIVE.version} ${LIVE.namesrv} ${args.join('\u0000')}`).digest('hex');
  const file = dir ? path.join(dir, `${key}.out`) : undefined;
  if (cache && file && existsSync(file)) return readFileSync(file, 'utf8');
  const { stdout } = await run('bash', [script, ...args, '-n', LIVE.namesrv], { maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  if (cache && file && dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, stdout);
  }
  return stdout;
}

/** Data rows of a table whose header line starts with '#', split on runs of 2+ spaces (values never contain them). */
export function tableRows(output: string): string[][] {
  const lines = output.split('\n');
  const header = lines.findIndex((l) => l.startsWith('#'));
  if (header < 0) return [];
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
}

export async function clusterList(): Promise<ClusterListRow[]> {
  return tableRows(await mqadmin(['clusterList'])).map((r) => ({
    cluster: r[0]!,
    brokerName: r[1]!,
    brokerId: Number(r[2]),
    addr: r[3]!,
    version: r[4]!,
    inTps: Number(r[5]!.split('(')[0]),
    outTps: Number(r[6]!.split('(')[0]),
  }));
}

/** clusterList -m: yesterday/today in and out totals, rows in the same order as clusterList. */
export async function clusterListMore(): Promise<Array<{ brokerName: string; inYest: number; outYest: number; inToday: number; outToday: number }>> {
  return tableRows(await mqadmin(['clusterList', '-m'])).map((r) => ({
    brokerName: r[1]!,
    inYest: Number(r[2]),
    outYest: Number(r[3]),
    inToday: Number(r[4]),
    outToday: Number(r[5]),
  }));
}

export async function brokerStatus(addr: string, cache = true): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of (await mqadmin(['brokerStatus', '-b', addr], { cache })).split('\n')) {
    const m = /^(\S+?)\s*: (.*)$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Uncached by default: brokers create some system topics lazily (4.9 makes RMQ_SYS_TRANS_HALF_TOPIC a minute in). */
export async function topicList(cache = false): Promise<string[]> {
  return (await mqadmin(['topicList'], { cache })).split('\n').map((l) => l.trim()).filter(Boolean);
}

/** topicRoute prints fastjson (unquoted integer keys), so it goes through the same tolerant decoder. */
export async function topicRoute(topic: string): Promise<JsonValue> {
  const text = await mqadmin(['topicRoute', '-t', topic]);
  return parseFastjson(text.slice(text.indexOf('{')));
}

export interface TopicStatusRow {
  brokerName: string;
  queueId: number;
  minOffset: number;
  maxOffset: number;
  lastUpdated: string;
}

export async function topicStatus(topic: string): Promise<TopicStatusRow[]> {
  return tableRows(await mqadmin(['topicStatus', '-t', topic])).map((r) => ({
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

export async function orderConf(topic: string): Promise<string | undefined> {
  const m = /orderConf=\[([^\]]*)\]/.exec(await mqadmin(['updateOrderConf', '-t', topic, '-m', 'get']));
  return m?.[1];
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
export async function consumerProgress(group: string, topic?: string, cache = true): Promise<GroupProgress> {
  if (topic && !LIVE.isV5) {
    const all = await consumerProgress(group, undefined, cache);
    const rows = all.rows.filter((r) => r.topic === topic);
    return { rows, consumeTps: all.consumeTps, diffTotal: rows.reduce((n, r) => n + r.diff, 0) };
  }
  const out = await mqadmin(['consumerProgress', '-g', group, ...(topic ? ['-t', topic] : [])], { cache });
  const lines = out.split('\n');
  const header = lines.findIndex((l) => l.startsWith('#Topic'));
  const hasInflight = header >= 0 && lines[header]!.includes('#Inflight');
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
export async function consumerProgressAll(cache = true): Promise<GroupListRow[]> {
  const out = await mqadmin(['consumerProgress'], { cache });
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
export async function consumerConnection(group: string, cache = true): Promise<ConnectionOutput> {
  const out = await mqadmin(['consumerConnection', '-g', group], { cache });
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

/** consumerStatus -g <group> -i <clientId>: the client's properties and its offset per queue. */
export async function consumerStatus(group: string, clientId: string): Promise<{ properties: Record<string, string>; offsets: Array<{ topic: string; brokerName: string; queueId: number; offset: number }> }> {
  const out = await mqadmin(['consumerStatus', '-g', group, '-i', clientId], { cache: false });
  const properties: Record<string, string> = {};
  const offsets: Array<{ topic: string; brokerName: string; queueId: number; offset: number }> = [];
  let section = '';
  for (const line of out.split('\n')) {
    if (/^#Consumer [A-Za-z ]+#$/.test(line.trim())) { section = line.trim(); continue; }
    if (line.startsWith('#') || line.trim() === '') continue;
    if (section === '#Consumer Properties#') {
      const m = /^(\S+)\s*: (.*)$/.exec(line);
      if (m) properties[m[1]!] = m[2]!.trim();
    } else if (section === '#Consumer Offset#') {
      const f = line.trim().split(/\s+/);
      offsets.push({ topic: f[0]!, brokerName: f[1]!, queueId: Number(f[2]), offset: Number(f[3]) });
    }
  }
  return { properties, offsets };
}

/** getConsumerConfig -g <group>: the group's config per broker, as field = value. */
export async function consumerConfig(group: string): Promise<Array<Record<string, string>>> {
  const out = await mqadmin(['getConsumerConfig', '-g', group], { cache: false });
  const blocks: Array<Record<string, string>> = [];
  for (const line of out.split('\n')) {
    if (line.startsWith('=====')) { blocks.push({}); continue; }
    const m = /^(\w+)\s*=\s+(.*)$/.exec(line);
    if (m && blocks.length > 0) blocks[blocks.length - 1]![m[1]!] = m[2]!.trim();
  }
  return blocks;
}

/** topicList -c: [cluster, topic, group] rows (the groups the brokers say consume each topic). */
export async function topicListWithGroups(): Promise<Array<{ cluster: string; topic: string; group: string }>> {
  return tableRows(await mqadmin(['topicList', '-c'], { cache: false })).map((r) => ({ cluster: r[0]!, topic: r[1]!, group: r[2] ?? '' }));
}
