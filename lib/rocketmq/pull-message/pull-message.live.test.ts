import { describe, expect, it } from 'vitest';
import { mqadminOutcome, topicStatus } from '../../../test-support/mqadmin';
import { queryMsgByOffset } from '../../../test-support/mqadmin-messages';
import { LIVE } from '../../../test-support/sandbox';
import { getAllSubscriptionGroupConfig } from '../get-all-subscriptiongroup-config';
import { queryConsumerOffset } from '../query-consumer-offset';
import type { StoredMessage } from '../stored-message';
import { livePool } from '../../../test-support/live';
import { pullMessage, TOOLS_CONSUMER_GROUP } from '.';

describe(`PULL_MESSAGE live (${LIVE.version})`, () => {
  const pool = livePool();
  const masters = [LIVE.brokerAMaster, LIVE.brokerBMaster];

  /** What a pull could leave behind: the group list of each master, TOOLS_CONSUMER's offsets, mqadmin's view of both. */
  const traces = async () => ({
    groups: await Promise.all(masters.map(async (addr) => [...(await getAllSubscriptionGroupConfig(pool, addr)).keys()].sort())),
    offsets: await Promise.all(masters.flatMap((addr) => [0, 1, 2, 3].map((q) => queryConsumerOffset(pool, addr, TOOLS_CONSUMER_GROUP, 'LabTopic', q)))),
    // mqadmin fails for a group without offsets
    progress: await mqadminOutcome(['consumerProgress', '-g', TOOLS_CONSUMER_GROUP]),
  });

  /** Every message of one queue, page by page. */
  const walk = async (addr: string, queueId: number) => {
    const messages: StoredMessage[] = [];
    let offset = 0;
    for (;;) {
      const page = await pullMessage(pool, addr, { topic: 'LabTopic', queueId, queueOffset: offset, maxMsgNums: 4 });
      if (page.status !== 'FOUND') return { messages, last: page };
      messages.push(...page.messages);
      offset = page.nextBeginOffset;
    }
  };

  it('browses queues without creating a group or committing an offset, and reads what mqadmin queryMsgByOffset reads', async () => {
    const before = await traces();
    // CODE 17 while TOOLS_CONSUMER has no retry topic, 206 (an empty offset table) once mqadmin's own pulls made one
    expect(before.progress).toMatch(/^failed: .*CODE: (17|206) /);
    const queues = await Promise.all([0, 1, 2, 3].flatMap((q) => masters.map((addr) => walk(addr, q))));
    const after = await traces();
    expect(after).toEqual(before);

    for (const { messages, last } of queues) {
      expect(last.status).toBe('NO_NEW_MSG');
      expect(messages.map((m) => m.queueOffset)).toEqual(Array.from({ length: last.maxOffset - last.minOffset }, (_, i) => last.minOffset + i));
    }

    const status = await topicStatus('LabTopic');
    const b1 = await walk(LIVE.brokerBMaster, 1);
    const row = status.find((r) => r.brokerName === 'broker-b' && r.queueId === 1)!;
    expect([b1.last.minOffset, b1.last.maxOffset]).toEqual([row.minOffset, row.maxOffset]);
    for (const m of [b1.messages[0]!, b1.messages.at(-1)!]) {
      const theirs = await queryMsgByOffset('LabTopic', 'broker-b', 1, m.queueOffset);
      // the Java pull consumer adds the queue's bounds to each message's properties
      const { MIN_OFFSET, MAX_OFFSET, ...properties } = theirs.properties;
      expect([Number(MIN_OFFSET), Number(MAX_OFFSET)]).toEqual([b1.last.minOffset, b1.last.maxOffset]);
      expect({ offsetMsgId: m.offsetMsgId, commitLogOffset: m.commitLogOffset, bornTimestamp: m.bornTimestamp, storeTimestamp: m.storeTimestamp, properties: m.properties }).toEqual({
        offsetMsgId: theirs.offsetId, commitLogOffset: theirs.commitLogOffset, bornTimestamp: theirs.bornTimestamp, storeTimestamp: theirs.storeTimestamp, properties,
      });
    }
  });

  it('says NO_MATCHED_MSG for a tag no message has, having skipped to the end', async () => {
    const max = (await pullMessage(pool, LIVE.brokerAMaster, { topic: 'LabTopic', queueId: 0, queueOffset: 0, maxMsgNums: 1 })).maxOffset;
    const none = await pullMessage(pool, LIVE.brokerAMaster, { topic: 'LabTopic', queueId: 0, queueOffset: 0, subscription: 'NoSuchTag' });
    expect(none).toMatchObject({ status: 'NO_MATCHED_MSG', messages: [], nextBeginOffset: max });
  });
});
