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
import { parseFastjson, type JsonValue } from '../rocketmq/fastjson';
import { LIVE } from './sandbox';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../sandbox/scripts/mqadmin.sh');

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
