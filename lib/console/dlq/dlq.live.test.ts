import { describe, expect, it } from 'vitest';
import { consumeUntilIdle } from '../../../test-support/consumer';
import { queryMsgById, sentMessages } from '../../../test-support/mqadmin-messages';
import { topicStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { until } from '../../../test-support/wait';
import { liveConsole } from '../../../test-support/live-console';
import { applyAnyChangeStreamed, previewAnyChange } from '../change-kinds';
import type { ApplyEvent } from '../changes/stream';
import type { ChangeResult } from '../changes/types';
import { getDeadLetters } from './overview';
import type { RedriveDetail } from './redrive';

describe(`dead letters and redrive (${LIVE.version})`, () => {
  // the pause after the audit entry lets the test read the entry before any step ends
  const live = liveConsole({ requestTimeoutMs: 5000, testHooks: { pauseAfterAuditMs: 500 } });
  const { ctx } = live;
  const group = `lab_cg_dlq_${Date.now().toString(36)}`;
  // the seeded normal messages of run r1 whose first key starts K-r1-1: K-r1-1 and K-r1-10 .. K-r1-19
  const failing = sentMessages().filter((m) => m.kind === 'normal' && m.keys[0]!.startsWith('K-r1-1'));

  it('counts the group\'s dead letters as mqadmin topicStatus does, and sends them back through its retry topic: the official consumer then receives exactly them', async () => {
    expect(failing).toHaveLength(11);
    // the consumer fails those (max reconsume 0: straight to the DLQ) and consumes the rest
    await consumeUntilIdle(['--group', group, '--topic', 'LabTopic', '--fail-keys', 'K-r1-1', '--max-reconsume', '0']);
    const dlqTopic = `%DLQ%${group}`;
    const overview = await until('the dead letters', async () => {
      const d = await getDeadLetters(ctx, { group });
      return d.dlq && d.dlq.messages === 11 ? d : undefined;
    });
    const theirs = await topicStatus(dlqTopic, LIVE, false);
    expect(overview.dlq!.messages).toBe(theirs.reduce((n, r) => n + r.maxOffset - r.minOffset, 0));
    expect(overview.dlq!.oldest).toBeLessThanOrEqual(overview.dlq!.newest!);

    // preview: every dead letter, where it goes, what that means; nothing sent yet
    const plan = await previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'retry' } });
    const detail = plan.detail as RedriveDetail;
    expect(detail.messages.map((m) => m.msgId).sort()).toEqual(failing.map((m) => m.msgId).sort());
    expect(detail.messages.every((m) => m.originalTopic === 'LabTopic')).toBe(true);
    expect(plan.lines).toHaveLength(11);
    expect(plan.warnings.join(' ')).toContain(`only ${group} receives them again`);
    expect(plan.typedConfirmation).toBe(true);

    // applied with its progress streamed: the audit entry first (written, no outcome yet), each message's step as it
    // ends, then the result, whose steps are the streamed ones
    const events: ApplyEvent[] = [];
    let entryAtStart: unknown;
    for await (const event of await applyAnyChangeStreamed(live.as('test'), { previewId: plan.previewId, confirm: group })) {
      events.push(event);
      if (event.type === 'started') entryAtStart = await (await ctx.store()).audit.get(event.auditId);
    }
    expect(events[0]).toMatchObject({ type: 'started', action: 'dlq.redrive', target: { kind: 'group', name: group }, expectedSteps: 11 });
    expect(entryAtStart).toMatchObject({ action: 'dlq.redrive', outcome: null });
    const streamed = events.flatMap((e) => (e.type === 'step' ? [e] : []));
    expect(streamed.map((e) => e.index)).toEqual([...Array(11).keys()]);
    expect(events).toHaveLength(13);
    const last = events[12]!;
    expect(last.type).toBe('done');
    const result = (last as { result: ChangeResult }).result;
    expect(result.auditId).toBe((events[0] as { auditId: number }).auditId);
    expect(result.steps).toEqual(streamed.map((e) => e.step));
    expect(result.status).toBe('completed');
    expect(result.steps.map((s) => s.outcome)).toEqual(Array(11).fill('done'));
    // the new copies, as mqadmin queryMsgById reads them: in the retry topic, the original topic named, count 0
    const copy = result.steps[0]!.result!;
    const printed = await queryMsgById(String(copy.offsetMsgId), String(copy.topic));
    expect(printed).toMatchObject({ topic: `%RETRY%${group}`, reconsumeTimes: 0 });
    expect(printed.properties.RETRY_TOPIC).toBe('LabTopic');

    // the official consumer, no longer failing them, receives exactly the redriven messages (its offsets on LabTopic are at the end)
    const out = await consumeUntilIdle(['--group', group, '--topic', 'LabTopic', '--print', 'true']);
    const received = [...out.matchAll(/^msg (\S+)$/gm)].map((m) => m[1]!).sort();
    expect(received).toEqual(failing.map((m) => m.msgId).sort());

    // a second redrive of the same dead letters sends nothing: the audit says they went back already
    const again = await previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'retry' } });
    expect((again.detail as RedriveDetail).skipped).toHaveLength(11);
    expect(again.blockers).toEqual(['no dead letter to send back in this selection']);
  }, 300_000);

  it('previews a redrive to the original topic as reaching every group of it, and refuses bad input naming the field', async () => {
    const plan = await previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'original', offsetMsgIds: [await firstDeadLetter()] } });
    expect(plan.warnings.join(' ')).toMatch(/every group subscribed to LabTopic receives them again.*lab_cg_online/);
    // the API answers these zod issues with a 400 naming the path (e2e)
    await expect(previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'elsewhere' } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['target'] })] });
    await expect(previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'retry', offsetMsgIds: ['XYZ'] } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['offsetMsgIds', 0] })] });
    await expect(previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'retry', offsetMsgIds: ['7F00000100002A9F0000000000000000'] } })).rejects.toMatchObject({ status: 400, field: 'offsetMsgIds[0]' });
    await expect(previewAnyChange(ctx, { action: 'dlq.redrive', request: { group: 'lab_cg_online', target: 'retry' } })).rejects.toMatchObject({ status: 404, field: 'group' });
    // what stops a streamed apply before it starts is thrown as usual (the API answers it as a JSON error, not a stream)
    await expect(applyAnyChangeStreamed(live.as('test'), { previewId: plan.previewId, confirm: 'not-the-group' })).rejects.toMatchObject({ status: 400, field: 'confirm' });
  });

  async function firstDeadLetter(): Promise<string> {
    const plan = await previewAnyChange(ctx, { action: 'dlq.redrive', request: { group, target: 'retry' } });
    const skipped = (plan.detail as RedriveDetail).skipped;
    return skipped[0]!.offsetMsgId;
  }
});
