import { describe, expect, it } from 'vitest';
import { queryMsgById, sentMessages, type SentMessage } from '../../test-support/mqadmin-messages';
import { LIVE } from '../../test-support/sandbox';
import { livePool } from '../../test-support/live';
import { viewMessageByOffsetMsgId } from './view-message-by-id';

/** The first message of each kind the traffic sent (timer messages exist on 5.x only). */
function oneOfEachKind(): SentMessage[] {
  const seen = new Map<string, SentMessage>();
  for (const m of sentMessages()) if (!seen.has(m.kind)) seen.set(m.kind, m);
  const kinds = ['normal', 'delay', 'batch', 'order', ...(LIVE.isV5 ? ['timer'] : [])];
  if ([...seen.keys()].sort().join() !== [...kinds].sort().join()) throw new Error(`sent.tsv holds kinds ${[...seen.keys()].join(', ')}, not ${kinds.join(', ')}`);
  return [...seen.values()];
}

describe(`stored-message decoder live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each(oneOfEachKind().map((m) => [m.kind, m] as const))('decodes a %s message field for field as mqadmin queryMsgById prints it', async (_kind, sent) => {
    const topic = sent.kind === 'order' ? 'LabOrderTopic' : 'LabTopic';
    const [theirs, ours] = await Promise.all([queryMsgById(sent.offsetMsgId, topic), viewMessageByOffsetMsgId(pool, sent.offsetMsgId, topic)]);
    expect(ours.found).toBe(true);
    if (!ours.found) return;
    const m = ours.message;
    // delayed and timer messages: the send result names the record parked in SCHEDULE_TOPIC_XXXX / rmq_sys_wheel_timer
    expect({
      offsetId: m.offsetMsgId, topic: m.topic, tags: m.tags ?? 'null', keys: m.properties.KEYS ?? 'null', queueId: m.queueId,
      queueOffset: m.queueOffset, commitLogOffset: m.commitLogOffset, reconsumeTimes: m.reconsumeTimes, bornTimestamp: m.bornTimestamp,
      storeTimestamp: m.storeTimestamp, bornHost: m.bornHost, storeHost: m.storeHost, sysFlag: m.sysFlag, properties: m.properties,
    }).toEqual({
      offsetId: theirs.offsetId, topic: theirs.topic, tags: theirs.tags, keys: theirs.keys, queueId: theirs.queueId,
      queueOffset: theirs.queueOffset, commitLogOffset: theirs.commitLogOffset, reconsumeTimes: theirs.reconsumeTimes,
      bornTimestamp: theirs.bornTimestamp, storeTimestamp: theirs.storeTimestamp, bornHost: theirs.bornHost, storeHost: theirs.storeHost,
      sysFlag: theirs.sysFlag, properties: theirs.properties,
    });
    expect(m.msgId).toBe(sent.msgId);
  });
});
