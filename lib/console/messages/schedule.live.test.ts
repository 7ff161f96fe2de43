import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSent, queryMsgById, queryMsgByUniqueKey, sentOne } from '../../../test-support/mqadmin-messages';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { getMessageDetail } from './detail';

const TWO_HOURS = 2 * 3_600_000;
/** traffic.sh's waiting.tsv: 2 level-18 messages and (5.x) 2 timer messages due in two hours, to LabDelayTopic. */
const waiting = parseSent(readFileSync(path.join(LIVE.dir, 'traffic', 'waiting.tsv'), 'utf8'));

describe(`delayed and timer messages on the message page (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('finds a delayed message not yet due by its client msgId under its own topic, and says it waits in SCHEDULE_TOPIC_XXXX until its store time + 2h', async () => {
    const sent = waiting.find((m) => m.keys[0]?.startsWith('W-'))!;
    const [detail, theirs] = await Promise.all([getMessageDetail(ctx, { msgId: sent.msgId, topic: 'LabDelayTopic', bodies: false }), queryMsgById(sent.offsetMsgId, 'SCHEDULE_TOPIC_XXXX')]);
    expect(theirs.topic).toBe('SCHEDULE_TOPIC_XXXX');
    expect(detail.message.topic).toBe('SCHEDULE_TOPIC_XXXX');
    expect(detail.message.offsetMsgId).toBe(sent.offsetMsgId);
    expect(detail.schedule).toMatchObject({ kind: 'delay-level', level: 18, delay: '2h', realTopic: 'LabDelayTopic', state: 'waiting', dueAt: theirs.storeTimestamp + TWO_HOURS });
    expect(detail.schedule!.delivered).toBeUndefined();
  });

  it('says when a delivered delayed message was due and where each copy is, as mqadmin prints both', async () => {
    const sent = sentOne('delay');
    const [detail, waitingCopy, deliveredCopy] = await Promise.all([
      getMessageDetail(ctx, { msgId: sent.msgId, topic: 'LabTopic', bodies: false }),
      queryMsgById(sent.offsetMsgId, 'SCHEDULE_TOPIC_XXXX'),
      queryMsgByUniqueKey(sent.msgId, 'LabTopic'),
    ]);
    expect(detail.message.topic).toBe('LabTopic');
    const s = detail.schedule!;
    expect(s).toMatchObject({ kind: 'delay-level', level: 2, delay: '5s', state: 'delivered', realTopic: 'LabTopic' });
    expect(s.waiting).toMatchObject({ offsetMsgId: sent.offsetMsgId, topic: 'SCHEDULE_TOPIC_XXXX', storeTimestamp: waitingCopy.storeTimestamp });
    expect(s.dueAt).toBe(waitingCopy.storeTimestamp + 5000);
    expect(s.delivered).toMatchObject({ topic: 'LabTopic', storeTimestamp: deliveredCopy.storeTimestamp, queueOffset: deliveredCopy.queueOffset });
    expect(deliveredCopy.storeTimestamp).toBeGreaterThanOrEqual(s.dueAt! - 1000);
  });

  // 4.x has no timer wheel: the test is registered on 5.x only
  if (LIVE.isV5) it('says when a timer message is due (TIMER_DELIVER_MS), waiting in the timer wheel or delivered to its topic', async () => {
    const sent = waiting.find((m) => m.keys[0]?.startsWith('WT-'))!;
    const detail = await getMessageDetail(ctx, { msgId: sent.msgId, topic: 'LabDelayTopic', bodies: false });
    expect(detail.message.topic).toBe('rmq_sys_wheel_timer');
    expect(detail.schedule).toMatchObject({ kind: 'timer', state: 'waiting', realTopic: 'LabDelayTopic', dueAt: Number(detail.message.properties.TIMER_DELIVER_MS) });
    expect(detail.schedule!.dueAt! - detail.message.storeTimestamp).toBeGreaterThan(TWO_HOURS - 60_000);

    const timer = sentOne('timer');
    const [delivered, theirs] = await Promise.all([getMessageDetail(ctx, { msgId: timer.msgId, topic: 'LabTopic', bodies: false }), queryMsgByUniqueKey(timer.msgId, 'LabTopic')]);
    expect(delivered.schedule).toMatchObject({ kind: 'timer', state: 'delivered', dueAt: Number(theirs.properties.TIMER_DELIVER_MS) });
    expect(delivered.schedule!.waiting).toMatchObject({ topic: 'rmq_sys_wheel_timer', offsetMsgId: timer.offsetMsgId });
    expect(delivered.schedule!.delivered!.storeTimestamp).toBe(theirs.storeTimestamp);
  });

  it('a message sent without delay has no schedule', async () => {
    const sent = sentOne('normal');
    expect((await getMessageDetail(ctx, { msgId: sent.msgId, topic: 'LabTopic', bodies: false })).schedule).toBeUndefined();
  });
});
