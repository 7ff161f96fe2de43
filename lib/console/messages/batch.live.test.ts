import { describe, expect, it } from 'vitest';
import { queryMsgByOffset, sentMessages } from '../../../test-support/mqadmin-messages';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { getMessageDetail } from './detail';

describe(`batched messages on the message page (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('shows a batch\'s messages together, in the order the producer sent them (its SendResult), each stored by one put as mqadmin prints them', async () => {
    const batch = sentMessages().filter((m) => m.kind === 'batch' && m.keys[0]!.startsWith('B-r1-'));
    expect(batch).toHaveLength(10);
    const third = batch[2]!;
    const detail = await getMessageDetail(ctx, { msgId: third.msgId, topic: 'LabTopic', bodies: false });
    expect(detail.batch).toMatchObject({ size: 10, position: 3, complete: true });
    expect(detail.batch!.members.map((m) => [m.msgId, m.offsetMsgId, m.queueOffset])).toEqual(batch.map((m) => [m.msgId, m.offsetMsgId, m.queueOffset]));
    // mqadmin: one born time and one store time for all of them
    const printed = await Promise.all([batch[0]!, batch[9]!].map((m) => queryMsgByOffset('LabTopic', m.brokerName, m.queueId, m.queueOffset)));
    expect(printed[0]!.bornTimestamp).toBe(printed[1]!.bornTimestamp);
    expect(printed[0]!.storeTimestamp).toBe(printed[1]!.storeTimestamp);
  });

  it('a message sent on its own is no batch', async () => {
    for (const kind of ['normal', 'order'] as const) {
      const sent = sentMessages().find((m) => m.kind === kind)!;
      const detail = await getMessageDetail(ctx, { msgId: sent.msgId, topic: kind === 'order' ? 'LabOrderTopic' : 'LabTopic', bodies: false });
      expect(detail.batch, kind).toBeUndefined();
    }
  });
});
