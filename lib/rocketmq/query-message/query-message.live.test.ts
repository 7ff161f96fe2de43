import { describe, expect, it } from 'vitest';
import { queryMsgByKey, queryMsgByUniqueKey, sentOne } from '../../../test-support/mqadmin-messages';
import { mqadminOutcome } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { matchesKey, queryMessage, type QueryMessageParams } from '.';

describe(`QUERY_MESSAGE live (${LIVE.version})`, () => {
  const pool = livePool();
  /** As the Java admin does: every master of the topic, merged, collisions dropped. */
  const everywhere = async (params: QueryMessageParams) => {
    const results = await Promise.all([LIVE.brokerAMaster, LIVE.brokerBMaster].map((addr) => queryMessage(pool, addr, params)));
    return results.flatMap((r) => r.messages).filter((m) => matchesKey(m, params.key, params.uniqueKey ?? false, params.topic));
  };
  const byId = (a: { msgId: string }, b: { msgId: string }) => (a.msgId < b.msgId ? -1 : a.msgId > b.msgId ? 1 : 0);

  it.each(['CUST-2', 'K-r1-7', 'B-r1-3'])('finds the messages mqadmin queryMsgByKey lists for key %s', async (key) => {
    const [theirs, ours] = await Promise.all([queryMsgByKey('LabTopic', key), everywhere({ topic: 'LabTopic', key })]);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.map((m) => ({ msgId: m.msgId, queueId: m.queueId, queueOffset: m.queueOffset })).sort(byId)).toEqual(
      theirs.map((r) => ({ msgId: r.msgId, queueId: r.queueId, queueOffset: r.queueOffset })).sort(byId),
    );
  });

  it('finds by UNIQ_KEY the one message mqadmin queryMsgByUniqueKey prints', async () => {
    const sent = sentOne('normal', (s) => s.brokerName === 'broker-b');
    const [theirs, ours] = await Promise.all([queryMsgByUniqueKey(sent.msgId, 'LabTopic'), everywhere({ topic: 'LabTopic', key: sent.msgId, uniqueKey: true })]);
    expect(ours).toHaveLength(1);
    const [m] = ours;
    expect({ queueId: m!.queueId, queueOffset: m!.queueOffset, commitLogOffset: m!.commitLogOffset, storeHost: m!.storeHost, properties: m!.properties }).toEqual({
      queueId: theirs.queueId, queueOffset: theirs.queueOffset, commitLogOffset: theirs.commitLogOffset, storeHost: theirs.storeHost, properties: theirs.properties,
    });
    expect(m!.offsetMsgId).toBe(sent.offsetMsgId);
  });

  it('answers an unknown key with no message from either broker', async () => {
    expect(await everywhere({ topic: 'LabTopic', key: 'NO-SUCH-KEY' })).toEqual([]);
    expect(await mqadminOutcome(['queryMsgByKey', '-t', 'LabTopic', '-k', 'NO-SUCH-KEY'])).toMatch(/^failed: .*CODE: 208 .*no message/);
  });
});
