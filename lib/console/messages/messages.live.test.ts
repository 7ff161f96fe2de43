import { describe, expect, it } from 'vitest';
import {
  consumeDirectlyByMqadmin, queryMsgById, queryMsgByKey, queryMsgByUniqueKey, queryMsgTraceById, sentMessages, sentOne, sentTracedBy,
  type PrintedMessage, type SentMessage, type TraceRow,
} from '../../../test-support/mqadmin-messages';
import { produce } from '../../../test-support/producer';
import { LIVE } from '../../../test-support/sandbox';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { liveConsole } from '../../../test-support/live-console';
import { searchByKey } from './by-key';
import { getMessageDetail } from './detail';
import { findMessageById } from './lookup';
import type { MessageView } from './model';
import { applyResend, previewResend } from './resend';
import { getMessageTrace, getTracesByKey, type MessageTrace } from '../traces/trace';

const suffix = Date.now().toString(36);
const SEEDED_GROUPS = ['lab_cg_broadcast', 'lab_cg_cluster', 'lab_cg_online', 'lab_cg_sql'];

/** The fields mqadmin prints of a message, from ours and from theirs. */
const printed = (m: MessageView) => ({
  topic: m.topic, tags: m.tags ?? 'null', keys: m.properties.KEYS ?? 'null', queueId: m.queueId, queueOffset: m.queueOffset,
  commitLogOffset: m.commitLogOffset, reconsumeTimes: m.reconsumeTimes, bornTimestamp: m.bornTimestamp, storeTimestamp: m.storeTimestamp,
  bornHost: m.bornHost, storeHost: m.storeHost, sysFlag: m.sysFlag, properties: m.properties,
});
const theirs = (p: PrintedMessage) => ({
  topic: p.topic, tags: p.tags, keys: p.keys, queueId: p.queueId, queueOffset: p.queueOffset, commitLogOffset: p.commitLogOffset,
  reconsumeTimes: p.reconsumeTimes, bornTimestamp: p.bornTimestamp, storeTimestamp: p.storeTimestamp, bornHost: p.bornHost,
  storeHost: p.storeHost, sysFlag: p.sysFlag, properties: p.properties,
});

/** mqadmin queryMsgTraceById's rows from our assembled trace: a Pub row per send, a Sub row per finished attempt. */
const traceRows = (t: MessageTrace): TraceRow[] =>
  [
    ...t.pubs.map((p) => ({ type: 'Pub' as const, group: p.producerGroup, clientHost: p.clientHost, time: Math.floor(p.sendTime / 1000) * 1000, costMs: p.costMs, status: p.status })),
    ...t.groups.flatMap((g) =>
      g.attempts
        .filter((a) => a.status !== 'pending')
        .map((a) => ({ type: 'Sub' as const, group: g.group, clientHost: a.clientHost, time: Math.floor((a.endTime ?? 0) / 1000) * 1000, costMs: a.costMs ?? 0, status: a.status })),
    ),
  ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe(`message search live (${LIVE.version})`, () => {
  const live = liveConsole({ requestTimeoutMs: 3000, fanOutDeadlineMs: 4000 });
  const { admin, ctx } = live;
  const kinds: Array<SentMessage['kind']> = ['normal', 'delay', 'batch', ...(LIVE.isV5 ? (['timer'] as const) : [])];

  it.each(kinds)('reads a %s message by its offset msgId as mqadmin queryMsgById prints it', async (kind) => {
    const sent = sentOne(kind);
    const [found, printedByMqadmin] = await Promise.all([findMessageById(admin, sent.offsetMsgId.toLowerCase()), queryMsgById(sent.offsetMsgId, 'LabTopic')]);
    expect(found.kind).toBe('offset');
    expect(found.messages).toHaveLength(1);
    expect(printed(found.messages[0]!)).toEqual(theirs(printedByMqadmin));
    expect(found.messages[0]!.offsetMsgId).toBe(sent.offsetMsgId);
  });

  it.each(['broker-a', 'broker-b'])('reads a client msgId stored on %s as mqadmin queryMsgByUniqueKey, with the topic or from its trace', async (brokerName) => {
    const sent = sentOne('normal', (s) => s.brokerName === brokerName);
    const [withTopic, withoutTopic, printedByMqadmin] = await Promise.all([
      findMessageById(admin, sent.msgId, 'LabTopic'),
      findMessageById(admin, sent.msgId),
      queryMsgByUniqueKey(sent.msgId, 'LabTopic'),
    ]);
    expect(withTopic).toMatchObject({ kind: 'unique-key', topic: 'LabTopic', topicFrom: 'input' });
    expect(withoutTopic).toMatchObject({ kind: 'unique-key', topic: 'LabTopic', topicFrom: 'trace' });
    expect(withTopic.messages.map(printed)).toEqual([theirs(printedByMqadmin)]);
    expect(withoutTopic.messages.map(printed)).toEqual([theirs(printedByMqadmin)]);
    expect(withTopic.messages[0]!).toMatchObject({ msgId: sent.msgId, offsetMsgId: sent.offsetMsgId, brokerName });
  });

  it('names the field of a malformed id, an unknown topic and an id that is nowhere', async () => {
    await expect(findMessageById(admin, 'not-an-id')).rejects.toMatchObject({ constructor: BadInputError, field: 'msgId' });
    await expect(findMessageById(admin, 'ABCD')).rejects.toMatchObject({ field: 'msgId', message: expect.stringContaining('32 (IPv4)') });
    const sent = sentOne('normal');
    await expect(findMessageById(admin, sent.msgId, `NoSuchTopic_${suffix}`)).rejects.toMatchObject({ constructor: NotFoundError, field: 'topic' });
    const nowhere = `7F000001${'0'.repeat(24)}`;
    await expect(findMessageById(admin, nowhere, 'LabTopic')).rejects.toMatchObject({ constructor: NotFoundError, field: 'msgId' });
    await expect(findMessageById(admin, nowhere)).rejects.toMatchObject({ constructor: NotFoundError, field: 'topic' });
  });

  it.each(['CUST-2', 'K-r1-7', 'B-r1-3'])('finds the messages mqadmin queryMsgByKey lists for key %s (a second key matches too)', async (key) => {
    const [ours, listed] = await Promise.all([searchByKey(ctx, { topic: 'LabTopic', key, begin: 0, end: Date.now(), limit: 1000 }), queryMsgByKey('LabTopic', key)]);
    const row = (r: { msgId: string; queueId: number; queueOffset: number }) => `${r.msgId} ${r.queueId} ${r.queueOffset}`;
    expect(ours.items.length).toBeGreaterThan(0);
    expect(ours.items.map(row).sort()).toEqual(listed.map(row).sort());
    expect(ours.more).toBe(false);
    expect(ours.items.every((m) => m.keys.includes(key))).toBe(true);
  });

  it('finds all 300 messages of a key where mqadmin stops at 64 per broker, and says when its limit leaves more', async () => {
    const topic = `LabBulkTopic_${suffix}`;
    const sent = await produce(['--topic', topic, '--count', '300', '--run', `bulk${suffix}`, '--extras', 'false', '--cust-mod', '1', '--group', 'lab_bulk_producer']);
    expect(sent).toHaveLength(300);
    // the index is written shortly after the commit log: wait for it
    let all = await searchByKey(ctx, { topic, key: 'CUST-0', begin: 0, end: Date.now(), limit: 1000 });
    for (let i = 0; i < 20 && all.items.length < 300; i++) {
      await new Promise((r) => setTimeout(r, 500));
      all = await searchByKey(ctx, { topic, key: 'CUST-0', begin: 0, end: Date.now(), limit: 1000 });
    }
    expect(all.items.map((m) => m.msgId).sort()).toEqual(sent.map((s) => s.msgId).sort());
    expect(all.more).toBe(false);
    expect(all.requests).toBeGreaterThan(2);
    const listed = await queryMsgByKey(topic, 'CUST-0');
    // both masters hold about half of the 300: each answers mqadmin its first 64
    expect(listed).toHaveLength(128);
    for (const r of listed) expect(sent.some((s) => s.msgId === r.msgId)).toBe(true);

    const capped = await searchByKey(ctx, { topic, key: 'CUST-0', begin: 0, end: Date.now(), limit: 100 });
    expect(capped.items).toHaveLength(100);
    expect(capped.more).toBe(true);
    // newest first
    const times = capped.items.map((m) => m.storeTimestamp);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('tells each seeded group where it stands with a message, as the MessageTracks of mqadmin queryMsgById', async () => {
    const sent = sentMessages().filter((s) => s.kind === 'normal').at(-1)!;
    const [detail, printedByMqadmin] = await Promise.all([getMessageDetail(ctx, { msgId: sent.msgId, topic: 'LabTopic', bodies: true }), queryMsgById(sent.offsetMsgId, 'LabTopic')]);
    const ours = detail.groups.filter((g) => SEEDED_GROUPS.includes(g.group)).map((g) => [g.group, g.trackType]);
    // 4.9's mqadmin has no CONSUME_BROADCASTING: a broadcasting group has no broker offsets, and it reports the empty
    // offset table as NOT_ONLINE although its clients are connected. Ours says broadcasting, as 5.x mqadmin does.
    const v49Broadcast = (t: { trackType: string; exceptionDesc: string }) => !LIVE.isV5 && t.trackType === 'NOT_ONLINE' && t.exceptionDesc.includes('offset table is empty');
    const mqadmins = printedByMqadmin.tracks
      .filter((t) => SEEDED_GROUPS.includes(t.consumerGroup))
      .map((t) => [t.consumerGroup, v49Broadcast(t) && t.consumerGroup === 'lab_cg_broadcast' ? 'CONSUME_BROADCASTING' : t.trackType])
      .sort();
    expect(mqadmins.length).toBeGreaterThan(0);
    expect(ours).toEqual(mqadmins);
    expect(detail.message.body.base64).toBe(Buffer.from(detail.message.body.base64, 'base64').toString('base64'));
    expect(JSON.parse(Buffer.from(detail.message.body.base64, 'base64').toString())).toMatchObject({ run: expect.any(String) });
  });
});

describe(`message trace live (${LIVE.version})`, () => {
  const { ctx } = liveConsole({ requestTimeoutMs: 3000, fanOutDeadlineMs: 4000 });

  it.each(['broker-a', 'broker-b'])('assembles the trace of a message on %s into the rows mqadmin queryMsgTraceById prints', async (brokerName) => {
    const seeded = ['lab_cg_broadcast', 'lab_cg_cluster', 'lab_cg_online'];
    const sent = await sentTracedBy('normal', brokerName, seeded, async (msgId) => (await getMessageTrace(ctx, { msgId })).groups.map((g) => g.group));
    // read ours around mqadmin's, so a trace that arrives meanwhile (a reset re-consuming) shows as a difference
    for (let attempt = 0; ; attempt++) {
      const first = traceRows(await getMessageTrace(ctx, { msgId: sent.msgId }));
      const rows = (await queryMsgTraceById(sent.msgId)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      const trace = await getMessageTrace(ctx, { msgId: sent.msgId });
      const second = traceRows(trace);
      if (JSON.stringify(first) !== JSON.stringify(second) && attempt < 2) continue;
      expect(second).toEqual(rows);
      expect(trace.pubs).toHaveLength(1);
      expect(trace.pubs[0]).toMatchObject({ producerGroup: 'lab_producer_group', topic: 'LabTopic', offsetMsgId: sent.offsetMsgId });
      expect(trace.stored).toMatchObject({ brokerName, queueId: sent.queueId, queueOffset: sent.queueOffset, offsetMsgId: sent.offsetMsgId });
      expect(trace.stored!.storeTimestamp).toBeGreaterThanOrEqual(trace.pubs[0]!.sendTime);
      expect(trace.groups.map((g) => g.group)).toEqual(expect.arrayContaining(seeded));
      // every consume attempt pairs a SubBefore (retry count, begin) with its SubAfter
      for (const g of trace.groups) for (const a of g.attempts) expect(a).toMatchObject({ retryTimes: expect.any(Number), beginTime: expect.any(Number) });
      const traced = new Set(trace.groups.map((g) => g.group));
      expect(trace.notConsumed.every((g) => !traced.has(g.group))).toBe(true);
      return;
    }
  });

  it('finds the traces of the messages with a business key', async () => {
    const sent = sentMessages().filter((s) => s.kind === 'normal' && s.keys.includes('CUST-3'));
    const traces = await getTracesByKey(ctx, { key: 'CUST-3', topic: 'LabTopic' });
    expect(traces.items.map((t) => t.msgId).sort()).toEqual(sent.map((s) => s.msgId).sort());
    expect(traces.items.every((t) => t.pubs.length === 1)).toBe(true);
  });

  it('answers 404 naming msgId for a message without trace', async () => {
    await expect(getMessageTrace(ctx, { msgId: `7F000001${'0'.repeat(24)}` })).rejects.toMatchObject({ constructor: NotFoundError, field: 'msgId' });
  });
});

describe(`message resend live (${LIVE.version})`, () => {
  const live = liveConsole({ requestTimeoutMs: 3000, fanOutDeadlineMs: 4000 });
  const { ctx } = live;

  it('resends a message to an online client after a preview and the typed group name, audited, as mqadmin queryMsgById -d does', async () => {
    const store = await ctx.store();
    const sent = sentOne('normal');
    const preview = await previewResend(ctx, { msgId: sent.msgId, topic: 'LabTopic', group: 'lab_cg_online' });
    expect(preview).toMatchObject({ msgId: sent.msgId, offsetMsgId: sent.offsetMsgId, group: 'lab_cg_online', brokerName: sent.brokerName, consumeType: 'CONSUME_PASSIVELY' });
    expect(preview.clients.map((c) => c.clientId)).toContain(preview.clientId);
    await expect(applyResend(live.as('test'), { previewId: preview.previewId, confirm: 'wrong' })).rejects.toMatchObject({ constructor: BadInputError, field: 'confirm' });
    const result = await applyResend(live.as('test'), { previewId: preview.previewId, confirm: 'lab_cg_online' });
    const byMqadmin = await consumeDirectlyByMqadmin(sent.offsetMsgId, 'lab_cg_online', preview.clientId, 'LabTopic');
    expect(result).toMatchObject({ status: 'completed', result: { consumeResult: byMqadmin.consumeResult, order: byMqadmin.order, autoCommit: byMqadmin.autoCommit } });
    expect(byMqadmin.consumeResult).toBe('CR_SUCCESS');
    const entry = await store.audit.get(result.auditId);
    expect(entry).toMatchObject({ action: 'resend-message', group: 'lab_cg_online', topic: 'LabTopic', params: { msgId: sent.msgId, clientId: preview.clientId }, outcome: { status: 'completed' } });
    // a preview is applied once
    await expect(applyResend(live.as('test'), { previewId: preview.previewId, confirm: 'lab_cg_online' })).rejects.toMatchObject({ constructor: NotFoundError, field: 'previewId' });
  });

  it('refuses a group with no online client, clearly', async () => {
    const sent = sentOne('normal');
    const error = await previewResend(ctx, { msgId: sent.msgId, topic: 'LabTopic', group: 'lab_cg_cluster' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'no_online_client', field: 'group', message: expect.stringContaining('no online client') });
  });
});
