import { describe, expect, it } from 'vitest';
import { clusterList } from '../../test-support/mqadmin';
import { queryMsgById, sentOne } from '../../test-support/mqadmin-messages';
import { LIVE } from '../../test-support/sandbox';
import { classifyMessageId, decodeOffsetMessageId, nearlyTimeFromId } from './message-id';

describe(`message ids live (${LIVE.version})`, () => {
  it.each(['broker-a', 'broker-b'])('reads the ids of a message on %s as mqadmin queryMsgById prints the message', async (brokerName) => {
    const sent = sentOne('normal', (s) => s.brokerName === brokerName);
    const [brokers, printed] = await Promise.all([clusterList(), queryMsgById(sent.offsetMsgId, 'LabTopic')]);
    const known = brokers.map((b) => b.addr);

    const asOffset = classifyMessageId(sent.offsetMsgId, known);
    expect(asOffset).toMatchObject({ valid: true, plausible: 'offset' });
    expect(decodeOffsetMessageId(sent.offsetMsgId)).toMatchObject({ address: printed.storeHost, commitLogOffset: printed.commitLogOffset });
    expect(printed.offsetId).toBe(sent.offsetMsgId);

    // the client id is no broker address: it goes to the index
    expect(classifyMessageId(sent.msgId, known)).toMatchObject({ valid: true, plausible: 'unique-key' });
    expect(printed.properties.UNIQ_KEY).toBe(sent.msgId);
    const made = nearlyTimeFromId(sent.msgId, Date.now())!;
    expect(printed.bornTimestamp - made).toBeGreaterThanOrEqual(0);
    expect(printed.bornTimestamp - made).toBeLessThan(1000);
  });
});
