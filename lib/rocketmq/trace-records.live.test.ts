import { describe, expect, it } from 'vitest';
import { queryMsgTraceById, sentTracedBy, type TraceRow } from '../../test-support/mqadmin-messages';
import { LIVE } from '../../test-support/sandbox';
import { queryMessage } from './query-message';
import { livePool } from '../../test-support/live';
import { decodeTraceBody } from './trace-records';

describe(`message trace live (${LIVE.version})`, () => {
  const pool = livePool();

  /**
   * The rows mqadmin queryMsgTraceById prints, built from our own reading: the trace topic's index on every master,
   * the records whose msgId is the message's; a Pub row per Pub record and a Sub row per SubAfter record; the client
   * host is the trace message's born host; times to the second.
   */
  const ourRows = async (msgId: string): Promise<TraceRow[]> => {
    const results = await Promise.all(
      [LIVE.brokerAMaster, LIVE.brokerBMaster].map((addr) => queryMessage(pool, addr, { topic: 'RMQ_SYS_TRACE_TOPIC', key: msgId })),
    );
    const rows: TraceRow[] = [];
    for (const message of results.flatMap((r) => r.messages)) {
      const clientHost = message.bornHost.slice(0, message.bornHost.lastIndexOf(':'));
      for (const r of decodeTraceBody(message.body).records) {
        if (r.msgId !== msgId) continue;
        const status = r.type !== 'SubBefore' && r.type !== 'EndTransaction' && (r.success ?? true) ? 'success' : 'failed'; // TraceContext.isSuccess defaults to true
        if (r.type === 'Pub') rows.push({ type: 'Pub', group: r.groupName, clientHost, time: Math.floor(r.timestamp / 1000) * 1000, costMs: r.costTime, status });
        if (r.type === 'SubAfter') rows.push({ type: 'Sub', group: r.groupName!, clientHost, time: Math.floor(r.timestamp! / 1000) * 1000, costMs: r.costTime, status });
      }
    }
    return sorted(rows);
  };
  const SEEDED = ['lab_cg_cluster', 'lab_cg_broadcast', 'lab_cg_online'];
  const sorted = (rows: TraceRow[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it.each(['broker-a', 'broker-b'])('finds the trace mqadmin queryMsgTraceById prints for a message stored on %s', async (brokerName) => {
    const { msgId } = await sentTracedBy('normal', brokerName, SEEDED, async (id) => (await ourRows(id)).filter((r) => r.type === 'Sub').map((r) => r.group));
    // read ours around mqadmin's, so a trace that arrives meanwhile (a reset re-consuming) shows as a difference
    for (let attempt = 0; ; attempt++) {
      const first = await ourRows(msgId);
      const theirs = sorted(await queryMsgTraceById(msgId));
      const second = await ourRows(msgId);
      if (JSON.stringify(first) !== JSON.stringify(second) && attempt < 2) continue;
      expect(second).toEqual(theirs);
      expect(second.filter((r) => r.type === 'Pub')).toHaveLength(1);
      // the seeded groups at least; other suites may consume LabTopic with groups of their own
      expect(second.filter((r) => r.type === 'Sub').map((r) => r.group)).toEqual(expect.arrayContaining(SEEDED));
      return;
    }
  });
});
