import { describe, expect, it } from 'vitest';
import { decodeQueryMessage } from '../../rocketmq/query-message';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeTraceBody } from '../../rocketmq/trace-records';
import { assembleTrace } from './assembly';
import type { TraceEntry } from './source';

describe.each(fixtureVersions('query-message', 'trace-a'))('trace assembly from the trace messages recorded from %s', (version) => {
  // the trace fixtures asked RMQ_SYS_TRACE_TOPIC (both masters) for the msgId of the unique-key fixture's message
  const traced = decodeQueryMessage(loadReply('query-message', version, 'unique-key')).messages[0]!;
  const entries: TraceEntry[] = ['trace-a', 'trace-b'].flatMap((name) =>
    decodeQueryMessage(loadReply('query-message', version, name)).messages.flatMap((m) =>
      decodeTraceBody(m.body).records.map((record) => ({ record, clientHost: m.bornHost.slice(0, m.bornHost.lastIndexOf(':')), brokerName: name, traceStoredAt: m.storeTimestamp })),
    ),
  );

  it('keeps only the records of the message, though trace messages batch several messages', () => {
    const t = assembleTrace(traced.msgId, entries);
    const own = entries.filter((e) => e.record.msgId === traced.msgId);
    expect(own.length).toBeLessThan(entries.length);
    expect(t.recordCount).toBe(own.length);
  });

  it('has the send of the stored message: producer group, store host, offsetMsgId, topic, keys', () => {
    const t = assembleTrace(traced.msgId, entries);
    expect(t.pubs).toHaveLength(1);
    expect(t.pubs[0]).toMatchObject({ topic: traced.topic, storeHost: traced.storeHost, status: 'success', tags: traced.tags, keys: traced.keys.join(' ') });
    expect(t.pubs[0]!.offsetMsgId).toBe(traced.offsetMsgId);
    expect(t.pubs[0]!.sendTime).toBeLessThanOrEqual(traced.storeTimestamp);
    expect(t.topic).toBe(traced.topic);
  });

  it('pairs each SubBefore with its SubAfter into one attempt per delivery, per group', () => {
    const t = assembleTrace(traced.msgId, entries);
    const afters = entries.filter((e) => e.record.msgId === traced.msgId && e.record.type === 'SubAfter').length;
    const attempts = t.groups.flatMap((g) => g.attempts);
    expect(attempts.filter((a) => a.status !== 'pending')).toHaveLength(afters);
    for (const a of attempts) {
      expect(a).toMatchObject({ retryTimes: 0, status: 'success', result: 'SUCCESS' });
      expect(a.beginTime).toBeGreaterThanOrEqual(traced.storeTimestamp);
      expect(a.endTime! - a.beginTime!).toBeGreaterThanOrEqual(0);
    }
    expect(t.groups.map((g) => g.group)).toEqual([...t.groups.map((g) => g.group)].sort());
    expect(t.groups.every((g) => g.consumed)).toBe(true);
  });

  it('gives an empty trace for a message with no record', () => {
    expect(assembleTrace('00000000000000000000000000000000', entries)).toMatchObject({ pubs: [], groups: [], recordCount: 0, topic: undefined });
  });
});
