import { describe, expect, it } from 'vitest';
import { consumerProgress } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { compareMessageQueues } from '../message-queue';
import { livePool } from '../../../test-support/live';
import { getConsumeStats } from '.';

describe(`GET_CONSUME_STATS live (${LIVE.version})`, () => {
  const pool = livePool();
  const both = async (group: string, topic?: string) => {
    const [a, b] = await Promise.all([getConsumeStats(pool, LIVE.brokerAMaster, group, topic), getConsumeStats(pool, LIVE.brokerBMaster, group, topic)]);
    return { tps: a.consumeTps + b.consumeTps, queues: [...a.queues, ...b.queues].sort(compareMessageQueues) };
  };

  it.each(['lab_cg_cluster', 'lab_cg_sql', 'lab_cg_online'])('gives the rows and totals of mqadmin consumerProgress -g %s', async (group) => {
    const [theirs, ours] = await Promise.all([consumerProgress(group), both(group)]);
    expect(ours.queues.map((q) => [q.topic, q.brokerName, q.queueId, q.brokerOffset, q.consumerOffset, q.brokerOffset - q.consumerOffset])).toEqual(
      theirs.rows.map((r) => [r.topic, r.brokerName, r.queueId, r.brokerOffset, r.consumerOffset, r.diff]),
    );
    if (LIVE.isV5) {
      expect(ours.queues.map((q) => (q.pullOffset ?? 0) - q.consumerOffset)).toEqual(theirs.rows.map((r) => r.inflight));
    }
    expect(ours.queues.reduce((n, q) => n + q.brokerOffset - q.consumerOffset, 0)).toBe(theirs.diffTotal);
  });

  it('gives one topic as mqadmin consumerProgress -g -t does', async () => {
    const [theirs, ours] = await Promise.all([consumerProgress('lab_cg_cluster', 'LabTopic'), both('lab_cg_cluster', 'LabTopic')]);
    expect(ours.queues.map((q) => [q.topic, q.brokerName, q.queueId, q.consumerOffset])).toEqual(theirs.rows.map((r) => [r.topic, r.brokerName, r.queueId, r.consumerOffset]));
    expect(ours.queues.every((q) => q.topic === 'LabTopic')).toBe(true);
  });
});
