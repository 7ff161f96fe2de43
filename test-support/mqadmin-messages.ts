/**
 * The oracle for the message operations: mqadmin's message commands (queryMsgById, queryMsgByUniqueKey,
 * queryMsgByKey, queryMsgByOffset, queryMsgTraceById, queryMsgById -g -d) parsed, and the traffic log traffic.sh
 * wrote (which messages the sandbox holds). Formats differ by version: 5.x queryMsgById needs -t (4.9 has no -t);
 * 5.5 queryMsgByKey adds an #IndexKey column; MessageTrack lines are newline-separated only in 5.x queryMsgById.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mqadmin, mqadminTime, tableRows } from './mqadmin';
import { LIVE, SANDBOX_DIR, type Sandbox } from './sandbox';

export interface SentMessage {
  kind: 'normal' | 'delay' | 'batch' | 'order' | 'timer';
  keys: string[];
  status: string;
  /** Client msgId (UNIQ_KEY). */
  msgId: string;
  offsetMsgId: string;
  brokerName: string;
  queueId: number;
  queueOffset: number;
}

/** $SANDBOX_DIR/traffic/sent.tsv: every message the seeded traffic sent (throws when it lists none). */
export function sentMessages(dir = SANDBOX_DIR): SentMessage[] {
  const sent = parseSent(readFileSync(path.join(dir, 'traffic', 'sent.tsv'), 'utf8'));
  if (sent.length === 0) throw new Error(`${dir}/traffic/sent.tsv lists no message: run sandbox/scripts/traffic.sh`);
  return sent;
}

/** The lines Producer.java prints per message sent (kind, keys, status, msgId, offsetMsgId, brokerName, queueId, queueOffset). */
export function parseSent(text: string): SentMessage[] {
  return text
    .split('\n')
    .filter((l) => l.split('\t').length === 8)
    .map((l) => {
      const f = l.split('\t');
      return {
        kind: f[0] as SentMessage['kind'],
        keys: f[1]!.split(' ').filter(Boolean),
        status: f[2]!,
        msgId: f[3]!,
        offsetMsgId: f[4]!,
        brokerName: f[5]!,
        queueId: Number(f[6]),
        queueOffset: Number(f[7]),
      };
    });
}

export interface MessageTrack {
  consumerGroup: string;
  trackType: string;
  exceptionDesc: string;
}

export interface PrintedMessage {
  /** queryMsgById and queryMsgByOffset print it; queryMsgByUniqueKey does not. */
  offsetId?: string;
  topic: string;
  /** "null" when the message has none, as Java prints it. */
  tags: string;
  keys: string;
  queueId: number;
  queueOffset: number;
  commitLogOffset: number;
  reconsumeTimes: number;
  /** Epoch ms read back from "yyyy-MM-dd HH:mm:ss,SSS" (UTC, as the sandbox's JVMs run). */
  bornTimestamp: number;
  storeTimestamp: number;
  bornHost: string;
  storeHost: string;
  sysFlag: number;
  properties: Record<string, string>;
  bodyPath: string;
  tracks: MessageTrack[];
}

/** Java's AbstractMap.toString: `{k=v, k2=v2}`; a value may hold spaces (KEYS), not `, name=`. */
export function parseJavaMap(text: string): Record<string, string> {
  const inner = text.trim().replace(/^\{/, '').replace(/\}$/, '');
  if (inner === '') return {};
  return Object.fromEntries(
    inner.split(/, (?=[^=,\s]+=)/).map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), pair.slice(eq + 1)];
    }),
  );
}

/** The message block mqadmin prints (QueryMsgByIdSubCommand.printMsg). */
export function parsePrintedMessage(output: string): PrintedMessage {
  const field = (label: string): string => {
    const m = new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(output);
    if (!m) throw new Error(`mqadmin output has no "${label}:" line:\n${output}`);
    return m[1]!.trim();
  };
  const bracketed = (s: string) => s.replace(/^\[/, '').replace(/\]$/, '');
  const tracks = [...output.matchAll(/MessageTrack \[consumerGroup=(.*?), trackType=(.*?), exceptionDesc=(.*?)\](?=MessageTrack|\s*$|\n)/gms)].map((m) => ({
    consumerGroup: m[1]!,
    trackType: m[2]!,
    exceptionDesc: m[3]!,
  }));
  return {
    offsetId: /^OffsetID:\s*(\S+)/m.exec(output)?.[1],
    topic: field('Topic'),
    tags: bracketed(field('Tags')),
    keys: bracketed(field('Keys')),
    queueId: Number(field('Queue ID')),
    queueOffset: Number(field('Queue Offset')),
    commitLogOffset: Number(field('CommitLog Offset')),
    reconsumeTimes: Number(field('Reconsume Times')),
    bornTimestamp: mqadminTime(field('Born Timestamp')),
    storeTimestamp: mqadminTime(field('Store Timestamp')),
    bornHost: field('Born Host'),
    storeHost: field('Store Host'),
    sysFlag: Number(field('System Flag')),
    properties: parseJavaMap(field('Properties')),
    bodyPath: field('Message Body Path'),
    tracks,
  };
}

/** queryMsgById -i <offsetMsgId> (5.x requires -t). */
export async function queryMsgById(offsetMsgId: string, topic: string, on: Sandbox = LIVE): Promise<PrintedMessage> {
  return parsePrintedMessage(await mqadmin(['queryMsgById', '-i', offsetMsgId, ...(on.isV5 ? ['-t', topic] : [])], { on }));
}

export async function queryMsgByUniqueKey(msgId: string, topic: string, on: Sandbox = LIVE): Promise<PrintedMessage> {
  return parsePrintedMessage(await mqadmin(['queryMsgByUniqueKey', '-i', msgId, '-t', topic], { on }));
}

/** queryMsgByOffset: pulls one message as TOOLS_CONSUMER (its properties gain MIN_OFFSET and MAX_OFFSET). */
export async function queryMsgByOffset(topic: string, brokerName: string, queueId: number, offset: number, on: Sandbox = LIVE): Promise<PrintedMessage> {
  return parsePrintedMessage(await mqadmin(['queryMsgByOffset', '-t', topic, '-b', brokerName, '-i', String(queueId), '-o', String(offset)], { on }));
}

export interface KeyQueryRow {
  msgId: string;
  queueId: number;
  queueOffset: number;
  /** 5.5+: `hour@topic@K@key@msgId@commitLogOffset`, a client-made paging key. */
  indexKey?: string;
}

export function parseQueryMsgByKey(output: string): KeyQueryRow[] {
  return tableRows(output).map((r) => {
    const f = r.join(' ').split(/\s+/);
    return { msgId: f[0]!, queueId: Number(f[1]), queueOffset: Number(f[2]), indexKey: f[3] };
  });
}

/** queryMsgByKey -t -k: the messages of every broker whose KEYS hold the key (filtered on the client). */
export async function queryMsgByKey(topic: string, key: string, on: Sandbox = LIVE): Promise<KeyQueryRow[]> {
  return parseQueryMsgByKey(await mqadmin(['queryMsgByKey', '-t', topic, '-k', key], { on }));
}

export interface TraceRow {
  /** Pub, or Sub (one per SubAfter record). */
  type: 'Pub' | 'Sub';
  group: string;
  /** The trace message's born host IP. */
  clientHost: string;
  /** Epoch ms of the second printed ("yyyy-MM-dd HH:mm:ss"). */
  time: number;
  costMs: number;
  status: string;
}

/** queryMsgTraceById: a Pub table, then one table per consumer group (groups in HashMap order). */
export function parseQueryMsgTrace(output: string): TraceRow[] {
  const rows: TraceRow[] = [];
  for (const line of output.split('\n')) {
    const m = /^(Pub|Sub)\s+(\S+)\s+(\S+)\s+(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})\s+(-?\d+)ms\s+(\S+)/.exec(line);
    if (m) rows.push({ type: m[1] as TraceRow['type'], group: m[2]!, clientHost: m[3]!, time: mqadminTime(m[4]!), costMs: Number(m[5]), status: m[6]! });
  }
  return rows;
}

/** Uncached: traces keep arriving while consumers run. */
export async function queryMsgTraceById(msgId: string, on: Sandbox = LIVE): Promise<TraceRow[]> {
  return parseQueryMsgTrace(await mqadmin(['queryMsgTraceById', '-i', msgId], { cache: false, on }));
}

export interface DirectConsumeOutput {
  order: boolean;
  autoCommit: boolean;
  consumeResult: string;
  remark: string;
  spentTimeMills: number;
}

/**
 * queryMsgById -i <offsetMsgId> -g <group> -d <clientId>: has the client consume the message again through
 * CONSUME_MESSAGE_DIRECTLY and prints ConsumeMessageDirectlyResult.toString(). Never cached: it acts.
 */
export async function consumeDirectlyByMqadmin(offsetMsgId: string, group: string, clientId: string, topic: string, on: Sandbox = LIVE): Promise<DirectConsumeOutput> {
  const out = await mqadmin(['queryMsgById', '-i', offsetMsgId, '-g', group, '-d', clientId, ...(on.isV5 ? ['-t', topic] : [])], { cache: false, on });
  const m = /ConsumeMessageDirectlyResult \[order=(\w+), autoCommit=(\w+), consumeResult=(\w+), remark=(.*?), spentTimeMills=(\d+)\]/.exec(out);
  if (!m) throw new Error(`no ConsumeMessageDirectlyResult in mqadmin output:\n${out}`);
  return { order: m[1] === 'true', autoCommit: m[2] === 'true', consumeResult: m[3]!, remark: m[4]!, spentTimeMills: Number(m[5]) };
}

/** The sandbox master of a brokerName. */
export function masterOf(brokerName: string, on: Sandbox = LIVE): string {
  if (brokerName === 'broker-a') return on.brokerAMaster;
  if (brokerName === 'broker-b') return on.brokerBMaster;
  throw new Error(`no sandbox broker named ${brokerName}`);
}

/**
 * The first sent message of a kind on a broker whose consumption traces from every one of `groups` reached the
 * trace topic, as `subGroups` reads them. The clients drop a trace record they fail to send (AsyncTraceDispatcher
 * logs and moves on), which a busy machine provokes while the namesrv is slow: one message without a group's Sub
 * record is the client's loss, not the reader's; no message with them all is a failure.
 */
export async function sentTracedBy(
  kind: SentMessage['kind'], brokerName: string, groups: string[], subGroups: (msgId: string) => Promise<string[]>, on: Sandbox = LIVE,
): Promise<SentMessage> {
  const candidates = sentMessages(on.dir).filter((s) => s.kind === kind && s.brokerName === brokerName);
  const lacking: string[] = [];
  for (const m of candidates.slice(0, 8)) {
    const traced = new Set(await subGroups(m.msgId));
    const missing = groups.filter((g) => !traced.has(g));
    if (missing.length === 0) return m;
    lacking.push(`${m.msgId} lacks ${missing.join(', ')}`);
  }
  throw new Error(`no ${kind} message on ${brokerName} has Sub traces of ${groups.join(', ')}: ${lacking.join('; ') || 'none sent'}`);
}

/** One sent message of a kind (the first, or the first matching `where`). */
export function sentOne(kind: SentMessage['kind'], where: (m: SentMessage) => boolean = () => true, on: Sandbox = LIVE): SentMessage {
  const m = sentMessages(on.dir).find((s) => s.kind === kind && where(s));
  if (!m) throw new Error(`sent.tsv has no ${kind} message matching`);
  return m;
}
