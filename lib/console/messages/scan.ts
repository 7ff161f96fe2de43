import { pullMessage, type PullResult } from '../../rocketmq/pull-message';
import type { ClusterContext } from '../context';
import { failureOf } from '../core/fanout';
import { fetchRoute } from '../core/routes';
import { goneFromRoute } from './targets';
import { toSummary, type MessageSummary } from './model';
import { BrokerReader } from './scan-broker';
import { BrokerGate } from './scan-gate';
import { decodeCursor, encodeCursor, type QueuePosition } from './scan-cursor';
import { queueRangeForTime } from './queue-range';
import { matchesText } from './scan-filter';
import { scanParams, type ScanRequest } from './scan-params';

export interface ScannedMessage extends MessageSummary {
  properties: Record<string, string>;
}

export interface ScanCounters {
  queuesDone: number;
  queuesTotal: number;
  /** Queue offsets passed over (the brokers skip the ones a tag filter drops; they count too). */
  scanned: number;
  /** Messages sent back: in the time range and through both filters. */
  matched: number;
  /** Messages the resolved ranges hold in all (known once each queue's offsets are found). */
  inRange: number;
  elapsedMs: number;
}

export type ScanDoneReason = 'complete' | 'limit' | 'deadline' | 'cancelled';

export type ScanEvent =
  | ({ type: 'start'; topic: string; begin: number; end: number; tag: string; text?: string; limit: number; deadlineMs: number; continued: boolean } & ScanCounters)
  /** `cursor` continues from here: a client that cancels keeps the last one it read. */
  | ({ type: 'progress'; cursor?: string } & ScanCounters)
  | { type: 'messages'; messages: ScannedMessage[] }
  | { type: 'failure'; brokerName: string; addr: string; error: string }
  /** Last event. `cursor` continues the scan: the queues not finished, including those of failed brokers. */
  | ({ type: 'done'; reason: ScanDoneReason; cursor?: string } & ScanCounters);

/** Queues read at once per scan. */
export const QUEUE_CONCURRENCY = 8;
/**
 * Queues read at once with a tag filter: each has one pull in flight, whose answer holds only the matches, so
 * twice the queues cost no more memory than the unfiltered scan's 8 × 4 windows (the brokers' gates still bound them).
 */
export const QUEUE_CONCURRENCY_FILTERED = 16;
/**
 * Pulls in flight per queue without a tag filter: the offsets to read are known, so the next windows of 32 are
 * asked for before the first answer is back and the round trips overlap. With a tag filter the broker skips ahead
 * to the next match (far past a window), so a queue then has one pull at a time.
 */
export const PULLS_PER_QUEUE = 4;
/** Pulls in flight per broker and scan, over all its queues. */
export const PULLS_PER_BROKER = 8;
/** Messages per pull: the broker's own default batch. */
export const PULL_BATCH = 32;
/** Messages per `messages` event at most when several pulls' worth wait for the reader: fewer, larger lines. */
const MESSAGES_PER_EVENT = 512;
const PROGRESS_EVERY_MS = 200;
/** Events waiting for a slow reader before the queue workers pause: the reader's pace bounds the scan's memory. */
const MAX_BUFFERED_EVENTS = 64;
/** Bit of QueueData.perm: the queues can be read. */
const PERM_READ = 4;

interface QueueState extends QueuePosition {
  finished: boolean;
}

/**
 * Scans a topic for the messages stored between `begin` and `end` (both included), queue by queue, as the pull
 * consumer TOOLS_CONSUMER that every broker already has: no group is created and no offset is committed.
 *
 * Per queue, the offsets to read come from queueRangeForTime; store times then decide. The tag expression is the
 * pull subscription (the broker filters); the text filter runs here. Validation errors and an unknown topic throw before the first event.
 */
export async function* scanTopic(ctx: ClusterContext, request: ScanRequest & { bodies: boolean }, signal?: AbortSignal): AsyncGenerator<ScanEvent, void, undefined> {
  // bad input is refused before waiting for a slot
  scanParams(request);
  // a few scans at a time per console process: the others wait their turn (or hear 429 when the queue is long)
  const release = await ctx.scans.acquire(signal);
  try {
    yield* scanHeld(ctx, request, signal);
  } finally {
    release();
  }
}

async function* scanHeld(ctx: ClusterContext, request: ScanRequest & { bodies: boolean }, signal?: AbortSignal): AsyncGenerator<ScanEvent, void, undefined> {
  const { admin } = ctx;
  const started = performance.now();
  const p = scanParams(request);
  const cursor = p.cursor ? decodeCursor(p, p.cursor) : undefined;
  const route = await fetchRoute(admin, p.topic);
  // brokers that held part of the topic and are gone from the namesrv: their queues are not even in the route
  const gone = await goneFromRoute(admin, p.topic, route.brokerDatas.map((b) => b.brokerName));
  const readers = BrokerReader.fromRoute(route.brokerDatas);
  const gates = new Map([...readers.keys()].map((brokerName) => [brokerName, new BrokerGate(PULLS_PER_BROKER)]));
  const queues: QueueState[] = cursor
    ? cursor.queues.map((q) => ({ ...q, finished: false }))
    : interleave(route.queueDatas.filter((q) => (q.perm & PERM_READ) !== 0).map((q) => Array.from({ length: q.readQueueNums }, (_, queueId) => ({ brokerName: q.brokerName, queueId, finished: false }))));

  const counters: ScanCounters = { queuesDone: cursor?.done ?? 0, queuesTotal: (cursor?.done ?? 0) + queues.length, scanned: 0, matched: 0, inRange: 0, elapsedMs: 0 };
  for (const q of queues) if (q.next !== undefined && q.stop !== undefined) counters.inRange += q.stop - q.next;
  const snapshot = (): ScanCounters => ({ ...counters, elapsedMs: Math.round(performance.now() - started) });

  const out: ScanEvent[] = [];
  let wake: (() => void) | undefined;
  const push = (event: ScanEvent) => {
    out.push(event);
    wake?.();
  };
  let finish: ScanDoneReason | undefined;
  let roomWaiters: Array<() => void> = [];
  const releaseRoom = () => {
    const waiters = roomWaiters;
    roomWaiters = [];
    for (const w of waiters) w();
  };
  const waitForRoom = async () => {
    while (!finish && out.length >= MAX_BUFFERED_EVENTS) await new Promise<void>((r) => roomWaiters.push(r));
  };
  const stopWith = (reason: ScanDoneReason) => {
    finish ??= reason;
    wake?.();
    releaseRoom();
  };
  /** Positions of the unfinished queues: consistent with every message pushed so far (both change between awaits). */
  const cursorNow = (): string | undefined => {
    const left = queues.filter((q) => !q.finished);
    if (left.length === 0) return undefined;
    return encodeCursor(p, { done: counters.queuesDone, queues: left.map(({ brokerName, queueId, next, stop }) => ({ brokerName, queueId, next, stop })) });
  };
  let lastProgress = 0;
  const progress = (force = false) => {
    const now = performance.now();
    if (!force && now - lastProgress < PROGRESS_EVERY_MS) return;
    lastProgress = now;
    const cursor = cursorNow();
    push({ type: 'progress', ...(cursor ? { cursor } : {}), ...snapshot() });
  };
  const failed = new Set<string>();
  const brokerFailed = (brokerName: string, addr: string, error: unknown) => {
    if (failed.has(brokerName)) return;
    failed.add(brokerName);
    const failure = failureOf({ brokerName, addr }, error);
    push({ type: 'failure', brokerName, addr, error: failure.error });
  };

  const timeoutMs = admin.config.requestTimeoutMs;
  const subscription = p.tag === '*' ? undefined : p.tag;

  /**
   * Applies the pull of the window [q.next, windowEnd) to its queue. Runs between awaits, so the limit cuts exactly
   * after the last message sent.
   */
  const deliver = (q: QueueState, page: PullResult, windowEnd: number) => {
    const from = q.next!;
    const stop = q.stop!;
    const batch: ScannedMessage[] = [];
    let next = page.nextBeginOffset > from ? Math.min(page.nextBeginOffset, windowEnd) : windowEnd;
    if (page.status === 'NO_NEW_MSG') next = stop;
    if (page.status === 'FOUND') {
      for (const m of page.messages) {
        // with a tag filter the broker reads on past `stop` to fill its batch
        if (m.queueOffset < from || m.queueOffset >= windowEnd) continue;
        if (m.storeTimestamp < p.begin || m.storeTimestamp > p.end) continue;
        if (p.text !== undefined && !matchesText(m, p.text, request.bodies)) continue;
        const row = toSummary(m, q.brokerName) as ScannedMessage;
        row.properties = m.properties;
        batch.push(row);
        if (counters.matched + batch.length >= p.limit) {
          next = m.queueOffset + 1;
          finish ??= 'limit';
          break;
        }
      }
    }
    counters.scanned += next - from;
    counters.matched += batch.length;
    q.next = next;
    if (batch.length > 0) push({ type: 'messages', messages: batch });
    if (next >= stop) {
      q.finished = true;
      counters.queuesDone++;
      progress(true);
    } else progress();
    if (finish) stopWith(finish);
  };

  const runQueue = async (q: QueueState) => {
    const reader = readers.get(q.brokerName);
    if (!reader) {
      brokerFailed(q.brokerName, '', new Error('not in the topic route now (no address to read from)'));
      return;
    }
    try {
      if (q.next === undefined || q.stop === undefined) {
        const range = await queueRangeForTime(admin, (fn) => reader.call(fn), p.topic, q.queueId, p.begin, p.end);
        if (finish) return;
        Object.assign(q, range);
        counters.inRange += range.stop - range.next;
      }
      const gate = gates.get(q.brokerName)!;
      const pull = (from: number, to: number): Promise<PullResult> => {
        const page = gate.run(() =>
          reader.call((addr) => pullMessage(admin, addr, { topic: p.topic, queueId: q.queueId, queueOffset: from, maxMsgNums: Math.min(PULL_BATCH, to - from), subscription }, timeoutMs)),
        );
        // a pull still in flight when the scan stops is never awaited: its failure is nobody's
        page.catch(() => undefined);
        return page;
      };
      const span = subscription ? Number.POSITIVE_INFINITY : PULL_BATCH;
      const depth = subscription ? 1 : PULLS_PER_QUEUE;
      const windows: Array<{ end: number; page: Promise<PullResult> }> = [];
      let launched = q.next!;
      while (!finish && !failed.has(q.brokerName) && q.next! < q.stop!) {
        while (windows.length < depth && launched < q.stop!) {
          const end = Math.min(launched + span, q.stop!);
          windows.push({ end, page: pull(launched, end) });
          launched = end;
        }
        await waitForRoom();
        if (finish) return;
        const head = windows[0]!;
        const page = await head.page;
        if (finish) return;
        deliver(q, page, head.end);
        // the broker stopped short of the window (its bytes limit): the rest of the window again, before the next
        if (q.next! < head.end) head.page = pull(q.next!, head.end);
        else windows.shift();
      }
      if (!q.finished && q.next! >= q.stop!) {
        q.finished = true;
        counters.queuesDone++;
        progress(true);
      }
    } catch (error) {
      if (!finish) brokerFailed(q.brokerName, reader.addr, error);
    }
  };

  let taken = 0;
  const take = (): QueueState | undefined => {
    while (taken < queues.length) {
      const q = queues[taken++]!;
      // a failed broker's queues stay in the cursor for a later try
      if (!failed.has(q.brokerName)) return q;
    }
    return undefined;
  };
  const workers = Array.from({ length: subscription ? QUEUE_CONCURRENCY_FILTERED : QUEUE_CONCURRENCY }, async () => {
    for (let q = take(); q && !finish; q = take()) await runQueue(q);
  });
  void Promise.all(workers).then(() => stopWith('complete'));

  const deadline = setTimeout(() => stopWith('deadline'), p.deadlineMs);
  const onAbort = () => stopWith('cancelled');
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) stopWith('cancelled');
  try {
    yield {
      type: 'start',
      topic: p.topic,
      begin: p.begin,
      end: p.end,
      tag: p.tag,
      ...(p.text !== undefined ? { text: p.text } : {}),
      limit: p.limit,
      deadlineMs: p.deadlineMs,
      continued: cursor !== undefined,
      ...snapshot(),
    };
    for (const g of gone) yield { type: 'failure', brokerName: g.brokerName, addr: g.addr, error: `${g.error}: its queues are not scanned` };
    for (;;) {
      while (out.length > 0) {
        yield takeEvent(out);
        if (out.length < MAX_BUFFERED_EVENTS / 2) releaseRoom();
      }
      if (finish) break;
      await new Promise<void>((r) => {
        wake = r;
      });
      wake = undefined;
    }
    const rest = cursorNow();
    // the limit met on the very last message leaves nothing to continue: that is a complete scan
    const reason: ScanDoneReason = !rest && finish === 'limit' ? 'complete' : (finish ?? 'complete');
    yield { type: 'done', reason, ...(rest ? { cursor: rest } : {}), ...snapshot() };
  } finally {
    // also reached when the consumer stops early (client gone): the workers see `finish` and stop after their call
    finish ??= 'cancelled';
    releaseRoom();
    clearTimeout(deadline);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The first waiting event; consecutive `messages` events are joined into one (up to MESSAGES_PER_EVENT). */
function takeEvent(out: ScanEvent[]): ScanEvent {
  const first = out.shift()!;
  if (first.type !== 'messages' || out[0]?.type !== 'messages') return first;
  const messages = [...first.messages];
  while (out[0]?.type === 'messages' && messages.length + out[0].messages.length <= MESSAGES_PER_EVENT) messages.push(...(out.shift() as { messages: ScannedMessage[] }).messages);
  return { type: 'messages', messages };
}

/** broker-a q0, broker-b q0, broker-a q1, ...: concurrent queues spread over the brokers. */
function interleave<T>(lists: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]!);
  return out;
}
