import { describe, expect, it } from 'vitest';
import { decodeQueryMessage } from './query-message';
import { decodeTraceBody, recordsOf, type SubAfterRecord, type SubBeforeRecord, type TraceRecord } from './trace-records';
import { fixtureVersions, loadReply } from '../../test-support/fixtures';

const rec = (...fields: string[]) => fields.join('\u0001') + '\u0002';

describe.each(fixtureVersions('query-message', 'trace-a'))('trace records recorded from %s', (version) => {
  // the trace fixtures asked RMQ_SYS_TRACE_TOPIC for the msgId of the message the unique-key fixture holds
  const msgId = decodeQueryMessage(loadReply('query-message', version, 'unique-key')).messages[0]!.msgId;
  const traceMessages = ['trace-a', 'trace-b'].flatMap((n) => decodeQueryMessage(loadReply('query-message', version, n)).messages);
  const all = traceMessages.flatMap((m) => decodeTraceBody(m.body).records);
  const mine = recordsOf(all, msgId);

  it('batches records of many messages into one trace message, all of them readable', () => {
    for (const m of traceMessages) {
      const decoded = decodeTraceBody(m.body);
      expect(decoded.skipped).toEqual([]);
      // the trace message is indexed under every traced msgId
      for (const r of decoded.records) expect(m.keys).toContain(r.msgId);
    }
    expect(new Set(all.map((r) => r.msgId)).size).toBeGreaterThan(1);
  });

  it('has one Pub record of 14 fields for the message', () => {
    const pubs = mine.filter((r) => r.type === 'Pub');
    expect(pubs).toHaveLength(1);
    expect(pubs[0]).toMatchObject({
      regionId: 'DefaultRegion', groupName: 'lab_producer_group', topic: 'LabTopic', msgType: 'Normal_Msg', success: true,
      offsetMsgId: expect.stringMatching(/^[0-9A-F]{32}$/), storeHost: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
    });
    expect(pubs[0]!.keys).toMatch(/^K-r1-\d+ CUST-\d$/);
  });

  it('pairs SubBefore and SubAfter by requestId for each group that consumed it', () => {
    const before = mine.filter((r): r is SubBeforeRecord => r.type === 'SubBefore');
    const after = mine.filter((r): r is SubAfterRecord => r.type === 'SubAfter');
    for (const b of before) {
      const a = after.find((x) => x.requestId === b.requestId);
      expect(a).toMatchObject({ groupName: b.groupName, success: true, contextCode: 0, keys: b.keys });
      expect(a!.timestamp).toBeGreaterThanOrEqual(b.timestamp);
      // 4.9 clients wrote the consumer's regionId as Java null
      expect(b.regionId).toBe(version.startsWith('4') ? 'null' : 'DefaultRegion');
    }
    // lab_cg_sql (a > 5) may or may not want it, depending on which message landed first on broker-a
    expect(after.map((a) => a.groupName)).toEqual(expect.arrayContaining(['lab_cg_cluster', 'lab_cg_broadcast', 'lab_cg_online']));
  });
});

describe('trace record layouts', () => {
  const pub12 = ['Pub', '1700000000000', 'R', 'pg', 'T', 'ID1', 'tag', 'k1 k2', '10.0.0.1:10911', '5', '47', '0'];

  it('reads Pub records of 12 to 15 fields', () => {
    const [r12, r13, r14, r15] = decodeTraceBody(
      rec(...pub12) + rec(...pub12, 'false') + rec(...pub12, 'OFFSETID', 'true') + rec(...pub12, 'OFFSETID', 'true', '10.0.0.9'),
    ).records as Array<TraceRecord & { type: 'Pub' }>;
    expect(r12).toEqual({
      type: 'Pub', timestamp: 1_700_000_000_000, regionId: 'R', groupName: 'pg', topic: 'T', msgId: 'ID1', tags: 'tag', keys: 'k1 k2',
      storeHost: '10.0.0.1:10911', bodyLength: 5, costTime: 47, msgType: 'Normal_Msg',
    });
    expect(r13).toMatchObject({ success: false });
    expect(r13!.offsetMsgId).toBeUndefined();
    expect(r14).toMatchObject({ offsetMsgId: 'OFFSETID', success: true });
    expect(r15).toMatchObject({ offsetMsgId: 'OFFSETID', success: true, clientHost: '10.0.0.9' });
  });

  it('reads SubAfter of 6, 7 and 9 fields and drops trailing empty fields like Java split', () => {
    const { records } = decodeTraceBody(
      rec('SubAfter', 'REQ', 'ID1', '3', 'true', 'k') +
        rec('SubAfter', 'REQ', 'ID1', '3', 'false', 'k', '4') +
        rec('SubAfter', 'REQ', 'ID1', '3', 'true', 'k', '0', '1700000000005', 'cg') +
        rec('SubAfter', 'REQ', 'ID1', '3', 'true', '', '0', '', ''),
    );
    expect(records[0]).toEqual({ type: 'SubAfter', requestId: 'REQ', msgId: 'ID1', costTime: 3, success: true, keys: 'k' });
    expect(records[1]).toMatchObject({ success: false, contextCode: 4 });
    expect(records[2]).toMatchObject({ contextCode: 0, timestamp: 1_700_000_000_005, groupName: 'cg' });
    expect(records[3]).toEqual({ type: 'SubAfter', requestId: 'REQ', msgId: 'ID1', costTime: 3, success: true, keys: '', contextCode: 0 });
  });

  it('reads SubBefore without keys (its last field, dropped by the split)', () => {
    expect(decodeTraceBody(rec('SubBefore', '1700000000000', 'null', 'cg', 'REQ', 'ID1', '2', '')).records[0]).toEqual({
      type: 'SubBefore', timestamp: 1_700_000_000_000, regionId: 'null', groupName: 'cg', requestId: 'REQ', msgId: 'ID1', retryTimes: 2, keys: '',
    });
  });

  it('reads EndTransaction and Recall records', () => {
    const { records } = decodeTraceBody(
      rec('EndTransaction', '1700000000000', 'R', 'pg', 'T', 'ID1', 'tag', 'k', '10.0.0.1:10911', '1', 'TX1', 'COMMIT_MESSAGE', 'true') +
        rec('Recall', '1700000000000', 'R', 'pg', 'T', 'ID1', 'true'),
    );
    expect(records[0]).toMatchObject({ type: 'EndTransaction', msgType: 'Trans_Msg_Half', transactionId: 'TX1', transactionState: 'COMMIT_MESSAGE', fromTransactionCheck: true });
    expect(records[1]).toEqual({ type: 'Recall', timestamp: 1_700_000_000_000, regionId: 'R', groupName: 'pg', topic: 'T', msgId: 'ID1', success: true });
  });

  it('skips empty records, and sets aside unknown types and malformed numbers', () => {
    const body = '\u0002' + rec(...pub12) + '\u0002\u0002' + rec('Pop', '1') + rec('SubBefore', 'soon', 'R', 'cg', 'REQ', 'ID1', '0', 'k');
    const decoded = decodeTraceBody(Buffer.from(body));
    expect(decoded.records.map((r) => r.type)).toEqual(['Pub']);
    expect(decoded.skipped).toEqual(['Pop\u00011', 'SubBefore\u0001soon\u0001R\u0001cg\u0001REQ\u0001ID1\u00010\u0001k']);
  });

  it('keeps the records of one message only', () => {
    const { records } = decodeTraceBody(rec(...pub12) + rec('SubAfter', 'REQ', 'ID2', '3', 'true', 'k'));
    expect(recordsOf(records, 'ID2').map((r) => r.type)).toEqual(['SubAfter']);
  });
});
