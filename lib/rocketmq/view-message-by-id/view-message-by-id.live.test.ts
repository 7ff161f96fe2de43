import { describe, expect, it } from 'vitest';
import { queryMsgById, sentOne } from '../../../test-support/mqadmin-messages';
import { mqadminOutcome } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { encodeOffsetMessageId } from '../message-id';
import { livePool } from '../../../test-support/live';
import { viewMessageById, viewMessageByOffsetMsgId } from '.';

describe(`VIEW_MESSAGE_BY_ID live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(['broker-a', 'broker-b'])('gives the message on %s that mqadmin queryMsgById prints for its offset msgId', async (brokerName) => {
    const sent = sentOne('normal', (s) => s.brokerName === brokerName);
    const [theirs, ours] = await Promise.all([queryMsgById(sent.offsetMsgId, 'LabTopic'), viewMessageByOffsetMsgId(pool, sent.offsetMsgId, 'LabTopic')]);
    expect(ours).toMatchObject({
      found: true,
      message: { offsetMsgId: theirs.offsetId, msgId: sent.msgId, queueId: theirs.queueId, queueOffset: theirs.queueOffset, commitLogOffset: theirs.commitLogOffset, storeHost: theirs.storeHost },
    });
  });

  it('answers not found past the end of the commit log, where mqadmin prints no message either', async () => {
    const offset = 2 ** 32 - 1;
    const ours = await viewMessageById(pool, LIVE.brokerAMaster, offset, 'LabTopic');
    expect(ours).toEqual({ found: false, reason: `can not find message by the offset, ${offset}` });
    const outcome = await mqadminOutcome(['queryMsgById', '-i', encodeOffsetMessageId(LIVE.brokerAMaster, offset), ...(LIVE.isV5 ? ['-t', 'LabTopic'] : [])]);
    // 4.9's mqadmin relays the broker's answer; 5.x's looks the id up through the topic's index and finds nothing
    expect(outcome).toMatch(LIVE.isV5 ? /^failed: .*CODE: 208 .*no message/ : new RegExp(`^failed: .*CODE: 1 .*can not find message by the offset, ${offset}`));
  });
});
