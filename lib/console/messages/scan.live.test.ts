import { beforeAll, describe, expect, it } from 'vitest';
import { getAllSubscriptionGroupConfig } from '../../rocketmq/get-all-subscriptiongroup-config';
import { TOOLS_CONSUMER_GROUP } from '../../rocketmq/pull-message';
import { queryConsumerOffset } from '../../rocketmq/query-consumer-offset';
import { sendMessage } from '../../rocketmq/send-message';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import { mqadminOutcome } from '../../../test-support/mqadmin';
import { printMsg, type PrintedQueueMessage } from '../../../test-support/mqadmin-scan';
import { LIVE } from '../../../test-support/sandbox';
import { BadInputError, NotFoundError } from '../core/errors';
import { liveConsole } from '../../../test-support/live-console';
import { scanTopic, type ScanEvent, type ScannedMessage } from './scan';
import type { ScanRequest } from './scan-params';

const TOPIC = 'LabTopic';

async function collect(events: AsyncGenerator<ScanEvent>, onEvent?: (e: ScanEvent) => void) {
  const messages: ScannedMessage[] = [];
  const all: ScanEvent[] = [];
  for await (const e of events) {
    all.push(e);
    if (e.type === 'messages') messages.push(...e.messages);
    onEvent?.(e);
  }
  const done = all.at(-1);
  if (done?.type !== 'done') throw new Error('the scan did not end with a done event');
  return { messages, done, failures: all.filter((e) => e.type === 'failure'), start: all[0] };
}

/** What identifies a message in both answers. */
const key = (m: { msgId: string; brokerName: string; queueId: number; queueOffset: number; storeTimestamp: number }) =>
  `${m.brokerName}/${m.queueId}/${m.queueOffset} ${m.msgId} @${m.storeTimestamp}`;
const keys = (list: Array<Parameters<typeof key>[0]>) => list.map(key).sort();

describe(`time-range scan live (${LIVE.version})`, () => {
  const { admin, ctx } = liveConsole();
  let oracle: PrintedQueueMessage[] = [];
  let begin = 0;
  let end = 0;
  const inRange = () => oracle.filter((m) => m.storeTimestamp >= begin && m.storeTimestamp <= end);
  const scan = (extra: Partial<ScanRequest> = {}, signal?: AbortSignal) => scanTopic(ctx, { topic: TOPIC, begin, end, bodies: true, ...extra }, signal);

  beforeAll(async () => {
    oracle = await printMsg(TOPIC);
    // a range inside what mqadmin printed, ending in the past: messages other suites add later fall outside it
    const times = [...new Set(oracle.map((m) => m.storeTimestamp))].sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(30);
    begin = times[5]!;
    end = times[times.length - 8]!;
  });

  it('returns exactly the messages mqadmin printMsg shows stored in the range, with their fields', async () => {
    const { messages, done, failures, start } = await collect(scan());
    expect(failures).toEqual([]);
    expect(start).toMatchObject({ type: 'start', topic: TOPIC, tag: '*', queuesTotal: 8, continued: false });
    expect(done).toMatchObject({ reason: 'complete', queuesDone: 8, queuesTotal: 8, matched: inRange().length });
    expect(done.cursor).toBeUndefined();
    expect(done.scanned).toBeGreaterThanOrEqual(inRange().length);
    expect(keys(messages)).toEqual(keys(inRange()));
    const byId = new Map(oracle.map((m) => [`${m.brokerName}/${m.queueId}/${m.queueOffset}`, m]));
    for (const m of messages) {
      const theirs = byId.get(`${m.brokerName}/${m.queueId}/${m.queueOffset}`)!;
      expect({ tags: m.tags, keys: m.keys, bornTimestamp: m.bornTimestamp, properties: m.properties, bodySize: m.bodySize }).toEqual({
        tags: theirs.tags, keys: theirs.keys, bornTimestamp: theirs.bornTimestamp, properties: theirs.properties, bodySize: Buffer.byteLength(theirs.body),
      });
    }
  });

  it('filters by tag expression on the brokers', async () => {
    const a = await collect(scan({ tag: 'TagA' }));
    expect(keys(a.messages)).toEqual(keys(inRange().filter((m) => m.tags === 'TagA')));
    expect(a.messages.length).toBeGreaterThan(0);
    const two = await collect(scan({ tag: 'TagBatch||TagDelay' }));
    expect(keys(two.messages)).toEqual(keys(inRange().filter((m) => m.tags === 'TagBatch' || m.tags === 'TagDelay')));
    const none = await collect(scan({ tag: 'NoSuchTag' }));
    expect(none.messages).toEqual([]);
    expect(none.done.reason).toBe('complete');
  });

  it('filters by text in keys, property values or body, ignoring case', async () => {
    const expected = (needle: string) =>
      inRange().filter((m) => [...m.keys, ...Object.values(m.properties), m.body].some((s) => s.toLowerCase().includes(needle.toLowerCase())));
    for (const needle of ['cust-3', 'BLUE', '"batch"', 'hello from']) {
      const { messages } = await collect(scan({ text: needle }));
      expect(keys(messages), needle).toEqual(keys(expected(needle)));
      expect(messages.length, needle).toBeGreaterThan(0);
    }
    const both = await collect(scan({ tag: 'TagA', text: 'red' }));
    expect(keys(both.messages)).toEqual(keys(expected('red').filter((m) => m.tags === 'TagA')));
  });

  it('stops at the limit and continues with the cursor: all messages, none twice', async () => {
    const seen: ScannedMessage[] = [];
    let cursor: string | undefined;
    let requests = 0;
    do {
      const { messages, done } = await collect(scan({ limit: 7, cursor }));
      requests++;
      expect(messages.length).toBeLessThanOrEqual(7);
      if (done.cursor) expect(done.reason).toBe('limit');
      seen.push(...messages);
      cursor = done.cursor;
    } while (cursor && requests < 100);
    expect(requests).toBeGreaterThanOrEqual(Math.ceil(inRange().length / 7));
    expect(new Set(seen.map(key)).size).toBe(seen.length);
    expect(keys(seen)).toEqual(keys(inRange()));
  });

  it('stops when cancelled, and the last cursor it sent continues after what it returned', async () => {
    const abort = new AbortController();
    const first = await collect(scan({ limit: 5 }));
    // cancel a scan once its first rows are in
    const partial = await collect(scan({ cursor: first.done.cursor, limit: 10_000 }, abort.signal), (e) => {
      if (e.type === 'messages') abort.abort();
    });
    expect(partial.done.reason).toBe('cancelled');
    expect(partial.done.cursor).toBeDefined();
    const rest = await collect(scan({ cursor: partial.done.cursor, limit: 10_000 }));
    expect(rest.done).toMatchObject({ reason: 'complete' });
    const all = [...first.messages, ...partial.messages, ...rest.messages];
    expect(new Set(all.map(key)).size).toBe(all.length);
    expect(keys(all)).toEqual(keys(inRange()));
  });

  it('creates no consumer group and commits no offset on any broker', async () => {
    const masters = [LIVE.brokerAMaster, LIVE.brokerBMaster];
    const groupsOn = async (addr: string) => [...(await getAllSubscriptionGroupConfig(admin, addr)).keys()].sort();
    const traces = async () => ({
      groups: await Promise.all([...masters, LIVE.brokerASlave].map(groupsOn)),
      offsets: await Promise.all(masters.flatMap((addr) => [0, 1, 2, 3].map((q) => queryConsumerOffset(admin, addr, TOOLS_CONSUMER_GROUP, TOPIC, q)))),
      // mqadmin fails for a group without offsets
      progress: await mqadminOutcome(['consumerProgress', '-g', TOOLS_CONSUMER_GROUP]),
    });
    // the slave copies the master's group table every few seconds: what other suites just changed on broker-a must
    // have reached it before the comparison, or it shows up there as the scan's doing (reset_moved_* did)
    let synced = false;
    for (const until = Date.now() + 30_000; !synced && Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
      const [master, slave] = await Promise.all([groupsOn(LIVE.brokerAMaster), groupsOn(LIVE.brokerASlave)]);
      synced = master.join('\n') === slave.join('\n');
    }
    expect(synced, "broker-a's slave holds the master's group table").toBe(true);
    const before = await traces();
    // CODE 17 while TOOLS_CONSUMER has no retry topic, 206 (an empty offset table) once mqadmin's own pulls made one
    expect(before.progress).toMatch(/^failed: .*CODE: (17|206) /);
    await collect(scan());
    await collect(scan({ tag: 'TagA', text: 'cust', limit: 3 }));
    expect(await traces()).toEqual(before);
  });

  it('runs a few scans at a time per console: the next waits for a slot, then returns what mqadmin shows', async () => {
    const { limit } = ctx.scans.options;
    const held = await Promise.all(Array.from({ length: limit }, () => ctx.scans.acquire()));
    let started = false;
    const waiting = collect(scan(), (e) => {
      if (e.type === 'start') started = true;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect([started, ctx.scans.queued]).toEqual([false, 1]);
    held[0]!();
    const { messages, done } = await waiting;
    expect(done.reason).toBe('complete');
    expect(keys(messages)).toEqual(keys(inRange()));
    for (const release of held.slice(1)) release();
    expect(ctx.scans.running).toBe(0);
  });

  it('refuses bad input before the first event, naming the field', async () => {
    const fail = async (request: Partial<ScanRequest>) => {
      try {
        await scan(request).next();
      } catch (error) {
        return error;
      }
      throw new Error('expected the scan to refuse');
    };
    expect(await fail({ topic: 'NoSuchTopicScan' })).toMatchObject({ constructor: NotFoundError, field: 'topic' });
    expect(await fail({ begin: end, end: begin })).toMatchObject({ constructor: BadInputError, field: 'end' });
    expect(await fail({ begin: end - 8 * 86_400_000 })).toMatchObject({ constructor: BadInputError, field: 'begin' });
    expect(await fail({ cursor: 'garbage!' })).toMatchObject({ constructor: BadInputError, field: 'cursor' });
    const { done } = await collect(scan({ limit: 1 }));
    expect(await fail({ cursor: done.cursor, tag: 'TagA' })).toMatchObject({ constructor: BadInputError, field: 'cursor' });
  });
});

describe(`time-range scan live, pipelined pulls (${LIVE.version})`, () => {
  const { admin, ctx } = liveConsole();
  // one queue of large messages: a pull of 32 meets the broker's 256 KiB limit after about 10, so windows come
  // back short and are asked for again while the next windows are already in flight
  const topic = `ScanPipeline${Date.now()}`;
  const sent: Array<{ queueOffset: number; key: string; storeTimestamp?: number }> = [];
  let begin = 0;
  let end = 0;

  beforeAll(async () => {
    await updateAndCreateTopic(admin, LIVE.brokerAMaster, { topic, readQueueNums: 1, writeQueueNums: 1 });
    begin = Date.now() - 1000;
    for (let i = 0; i < 70; i++) {
      const key = `P-${i}`;
      const result = await sendMessage(admin, LIVE.brokerAMaster, {
        producerGroup: 'SCAN_PIPELINE_TEST', topic, queueId: 0, brokerName: 'broker-a', bornTimestamp: Date.now(),
        body: Buffer.alloc(24 * 1024, 65 + (i % 26)), properties: { KEYS: key, TAGS: i % 3 === 0 ? 'TagA' : 'TagB', WAIT: 'true' },
      });
      sent.push({ queueOffset: result.queueOffset, key });
    }
    end = Date.now() + 1000;
    // the route reaches the namesrv and the consume queue is built a moment after the commit log
    const found = () => collect(scanTopic(ctx, { topic, begin, end, bodies: false })).then((r) => r.messages.length, () => 0);
    for (let tries = 0; tries < 50 && (await found()) < 70; tries++) await new Promise((r) => setTimeout(r, 200));
  }, 120_000);

  it('returns every message once, in queue order per queue, as mqadmin printMsg shows them; with a tag, the tagged ones', async () => {
    const oracle = (await printMsg(topic)).filter((m) => m.storeTimestamp >= begin && m.storeTimestamp <= end);
    expect(oracle.length).toBe(70);
    const { messages, done } = await collect(scanTopic(ctx, { topic, begin, end, bodies: false }));
    expect(done).toMatchObject({ reason: 'complete', matched: 70 });
    expect(messages.map((m) => m.queueOffset)).toEqual(sent.map((m) => m.queueOffset));
    expect(keys(messages)).toEqual(keys(oracle));
    expect(messages.map((m) => m.keys[0])).toEqual(sent.map((m) => m.key));
    const tagged = await collect(scanTopic(ctx, { topic, begin, end, bodies: false, tag: 'TagA' }));
    expect(keys(tagged.messages)).toEqual(keys(oracle.filter((m) => m.tags === 'TagA')));
    // a limit inside a window, continued by cursor: nothing lost, nothing twice
    const first = await collect(scanTopic(ctx, { topic, begin, end, bodies: false, limit: 41 }));
    const rest = await collect(scanTopic(ctx, { topic, begin, end, bodies: false, cursor: first.done.cursor }));
    expect([...first.messages, ...rest.messages].map((m) => m.queueOffset)).toEqual(sent.map((m) => m.queueOffset));
  }, 180_000);
});
