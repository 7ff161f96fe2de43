import { describe, expect, it } from 'vitest';
import { consumerProgress, mqadmin, mqadminTime } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { queryConsumeTimeSpan } from '.';

describe(`QUERY_CONSUME_TIME_SPAN live (${LIVE.version})`, () => {
  const pool = livePool();

  it('gives the last consumed message time mqadmin consumerProgress prints, and the age of the next one', async () => {
    const progress = await consumerProgress('lab_cg_cluster', 'LabTopic');
    const asked = Date.now();
    const spans = await queryConsumeTimeSpan(pool, LIVE.brokerAMaster, 'LabTopic', 'lab_cg_cluster');
    expect(progress.rows).toHaveLength(8);
    expect(spans.map((s) => `${s.brokerName}/${s.queueId}`)).toEqual([0, 1, 2, 3].map((q) => `broker-a/${q}`));
    for (const span of spans) {
      const row = progress.rows.find((r) => r.brokerName === span.brokerName && r.queueId === span.queueId)!;
      // mqadmin prints the last consumed message's store time to the second
      expect(Math.floor(span.consumeTimeStamp / 1000)).toBe(Math.floor(mqadminTime(row.lastTime) / 1000));
      expect(span.delayTime > 0).toBe(row.diff > 0);
    }
    // the oldest unconsumed message of queue 0 is the one at the consumer offset: its store time, as mqadmin reads it
    // (the seeded traffic's second run reached every queue while lab_cg_cluster was offline, so queue 0 lags)
    const q0 = progress.rows.find((r) => r.brokerName === 'broker-a' && r.queueId === 0);
    expect(q0?.diff).toBeGreaterThan(0);
    const out = await mqadmin(['queryMsgByOffset', '-t', 'LabTopic', '-b', 'broker-a', '-i', '0', '-o', String(q0!.consumerOffset)]);
    const stored = mqadminTime(/Store Timestamp:\s+(.+)/.exec(out)![1]!);
    const span = spans.find((s) => s.queueId === 0)!;
    expect(Math.abs(asked - span.delayTime - stored)).toBeLessThan(2000);
  });
});
