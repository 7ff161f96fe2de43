import { describe, expect, it } from 'vitest';
import { consumerProgress, topicStatus } from '../../../test-support/mqadmin';
import { queryMsgByOffset } from '../../../test-support/mqadmin-messages';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { getBrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import { updateConsumerOffset } from '../../rocketmq/update-consumer-offset';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { liveConsole } from '../../../test-support/live-console';
import { applyReset } from './apply';
import { getAuditEntry } from '../audit/view';
import { previewReset } from './preview';
import { offlineGroupWithOffsets } from '../../../test-support/reset';
import { previewUndo } from './undo';

const suffix = Date.now().toString(36);
const key = (r: { brokerName: string; queueId: number }) => `${r.brokerName}/${r.queueId}`;

/** consumerOffset per queue of LabTopic as mqadmin consumerProgress -g prints it. */
async function mqadminOffsets(group: string): Promise<Map<string, number>> {
  return new Map((await consumerProgress(group, 'LabTopic', false)).rows.map((r) => [key(r), r.consumerOffset]));
}

describe(`offset reset live (${LIVE.version})`, () => {
  const live = liveConsole({ requestTimeoutMs: 2000 });
  const { admin, ctx } = live;
  const change = live.as('test');

  // first: the tests below freeze broker-b, and a client takes a while to settle after that. READS_CLIENTS_BEFORE_IT_FREEZES:
  // this file runs before the other freezing files for the same reason (test-support/freezing-last-sequencer.ts)
  it('resets an online group: its clients consume again from the previewed offsets', async () => {
    const group = 'lab_cg_online';
    // every broker process: a master may send a consumer's pulls to its slave (suggestWhichBrokerId), whose gets count there
    const gets = async () => (await Promise.all([LIVE.brokerAMaster, LIVE.brokerASlave, LIVE.brokerBMaster].map((a) => getBrokerRuntimeInfo(admin, a)))).reduce((n, kv) => n + Number(kv.msgGetTotalTodayNow), 0);
    const before = await mqadminOffsets(group);
    const gotBefore = await gets();
    const preview = await previewReset(ctx, { group, topic: 'LabTopic', mode: 'earliest' });
    expect(preview.online.clients).toBe(1);
    expect(Object.values(preview.methods)).toEqual(LIVE.isV5 ? ['server-side', 'server-side'] : ['client-push', 'client-push']);
    const result = await applyReset(change, { group, previewId: preview.previewId, confirm: group });
    expect(result.status).toBe('completed');
    // the client consumes everything again, back to where it was. On 4.9 the broker only tells the client, which
    // applies it after a 10 s pause and a rebalance: until then the offsets still read as before, so wait for both.
    const deadline = Date.now() + 90_000;
    let after = await mqadminOffsets(group);
    let replayed = (await gets()) - gotBefore;
    while (Date.now() < deadline && (replayed < preview.totals.replay || JSON.stringify([...after]) !== JSON.stringify([...before]))) {
      await new Promise((r) => setTimeout(r, 2000));
      after = await mqadminOffsets(group);
      replayed = (await gets()) - gotBefore;
    }
    expect(after).toEqual(before);
    expect(replayed).toBeGreaterThanOrEqual(preview.totals.replay);
  });

  it('resets an offline group to a time, earliest, latest and given offsets, as mqadmin then shows, and undoes each', async () => {
    const group = `reset_off_${suffix}`;
    const original = await offlineGroupWithOffsets(admin, group);
    expect(await mqadminOffsets(group)).toEqual(original);
    const status = new Map((await topicStatus('LabTopic')).map((r) => [key(r), r]));

    // a time: the store time of the message in the middle of a queue; every queue gets the first message at or after it
    const t = Date.now() - 20_000;
    for (const mode of ['timestamp', 'earliest', 'latest'] as const) {
      const preview = await previewReset(ctx, { group, topic: 'LabTopic', mode, timestamp: mode === 'timestamp' ? t : undefined });
      expect(preview.queues).toHaveLength(8);
      for (const q of preview.queues) {
        expect(q.currentOffset, `${mode} ${key(q)} current`).toBe(original.get(key(q)));
        const s = status.get(key(q))!;
        if (mode === 'earliest') expect(q.targetOffset).toBe(s.minOffset);
        if (mode === 'latest') expect(q.targetOffset).toBe(s.maxOffset);
        expect(q.delta).toBe(q.targetOffset - q.currentOffset);
      }
      expect(preview.requiresTypedConfirmation).toBe(true);
      await expect(applyReset(change, { group, previewId: preview.previewId, confirm: true })).rejects.toMatchObject({ field: 'confirm' });
      const result = await applyReset(change, { group, previewId: preview.previewId, confirm: group });
      expect(result.status, mode).toBe('completed');
      const after = await mqadminOffsets(group);
      for (const q of preview.queues) expect(after.get(key(q)), `${mode} ${key(q)} after`).toBe(q.targetOffset);

      const undo = await previewUndo(ctx, { auditId: result.auditId });
      const undone = await applyReset(change, { group, previewId: undo.previewId, confirm: group });
      expect(undone.undoOf).toBe(result.auditId);
      expect(await mqadminOffsets(group), `${mode} undone`).toEqual(original);
      expect((await getAuditEntry(ctx, { auditId: result.auditId })).undoneBy).toEqual([undone.auditId]);
    }

    // given offsets on two queues; the others stay put and need no typed confirmation when nothing is skipped
    const a1 = status.get('broker-a/1')!;
    const b2 = status.get('broker-b/2')!;
    const offsets = [
      { brokerName: 'broker-a', queueId: 1, offset: a1.minOffset },
      { brokerName: 'broker-b', queueId: 2, offset: b2.minOffset },
    ];
    const preview = await previewReset(ctx, { group, topic: 'LabTopic', mode: 'offset', offsets });
    expect(preview.queues.filter((q) => q.delta !== 0).map(key).sort()).toEqual(['broker-a/1', 'broker-b/2']);
    expect(preview.requiresTypedConfirmation).toBe(false);
    const result = await applyReset(change, { group, previewId: preview.previewId, confirm: true });
    const after = await mqadminOffsets(group);
    expect(after.get('broker-a/1')).toBe(a1.minOffset);
    expect(after.get('broker-b/2')).toBe(b2.minOffset);
    expect(after.get('broker-a/0')).toBe(original.get('broker-a/0'));
    const undo = await previewUndo(ctx, { auditId: result.auditId });
    await applyReset(change, { group, previewId: undo.previewId, confirm: group });
    expect(await mqadminOffsets(group)).toEqual(original);
  });

  it('refuses bad input naming the field, unknown groups and topics, and a topic the group does not consume', async () => {
    await expect(previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'timestamp', timestamp: Date.now() + 3_600_000 })).rejects.toMatchObject({ field: 'timestamp', message: expect.stringContaining('future') });
    await expect(previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'timestamp' })).rejects.toBeInstanceOf(BadInputError);
    const error = await previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'offset', offsets: [{ brokerName: 'broker-a', queueId: 0, offset: 999_999 }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ field: 'offsets[broker-a/0]', message: expect.stringContaining('broker-a queue 0') });
    await expect(previewReset(ctx, { group: 'no_such_group_reset', topic: 'LabTopic', mode: 'latest' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewReset(ctx, { group: 'lab_cg_cluster', topic: 'NoSuchTopicReset', mode: 'latest' })).rejects.toMatchObject({ field: 'topic' });
    await expect(previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabOrderTopic', mode: 'latest' })).rejects.toMatchObject({ code: 'not_subscribed' });
    await expect(previewReset(ctx, { group: 'bad group!', topic: 'LabTopic', mode: 'latest' })).rejects.toMatchObject({ field: 'group' });
  });

  it('shows each queue\'s retention horizon (its oldest stored message, = mqadmin queryMsgByOffset at topicStatus\'s min offset) and warns when the time is before it', async () => {
    const before = Date.now() - 30 * 86_400_000;
    const [preview, status] = await Promise.all([previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'timestamp', timestamp: before }), topicStatus('LabTopic', LIVE, false)]);
    const rows = preview.queues.map((q) => ({ q, row: status.find((r) => key(r) === key(q))! }));
    const oldest = await Promise.all(rows.map(({ q, row }) => (row.maxOffset > row.minOffset ? queryMsgByOffset('LabTopic', q.brokerName, q.queueId, row.minOffset) : undefined)));
    let compared = 0;
    rows.forEach(({ q, row }, i) => {
      expect(q.minOffset, key(q)).toBe(row.minOffset);
      expect(q.earliestStoreTime, key(q)).toBe(oldest[i]?.storeTimestamp);
      if (oldest[i]) compared++;
    });
    expect(compared).toBeGreaterThanOrEqual(6);
    expect(preview.warnings.join('\n')).toMatch(new RegExp(`${compared} of ${preview.queues.length} queues no longer hold messages from that time`));
    // a time after every queue's oldest message: no horizon warning
    const after = Math.max(...preview.queues.map((q) => q.earliestStoreTime ?? 0)) + 1;
    const later = await previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'timestamp', timestamp: after });
    expect(later.warnings.join('\n')).not.toMatch(/no longer hold/);
    // resets to given offsets do not read it
    expect((await previewReset(ctx, { group: 'lab_cg_cluster', topic: 'LabTopic', mode: 'latest' })).queues.every((q) => q.earliestStoreTime === undefined)).toBe(true);
  });

  it('answers 409 for a second reset of the same group while one runs', async () => {
    const group = `reset_lock_${suffix}`;
    await offlineGroupWithOffsets(admin, group);
    const first = await previewReset(ctx, { group, topic: 'LabTopic', mode: 'latest' });
    const second = await previewReset(ctx, { group, topic: 'LabTopic', mode: 'earliest' });
    // the first one sleeps between its audit write and its broker calls, holding the group's lock
    const running = applyReset({ ...change, testHooks: { pauseAfterAuditMs: 1500 } }, { group, previewId: first.previewId, confirm: group });
    await new Promise((r) => setTimeout(r, 300));
    const refused = await applyReset(change, { group, previewId: second.previewId, confirm: group }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ status: 409, code: 'change_running', message: expect.stringContaining('audit #') });
    expect((await running).status).toBe('completed');
  });

  it('answers 409 with the difference and a fresh preview when the offsets moved since the preview', async () => {
    const group = `reset_moved_${suffix}`;
    const original = await offlineGroupWithOffsets(admin, group);
    const preview = await previewReset(ctx, { group, topic: 'LabTopic', mode: 'earliest' });
    await updateConsumerOffset(admin, LIVE.brokerAMaster, { consumerGroup: group, topic: 'LabTopic', queueId: 0, commitOffset: original.get('broker-a/0')! + 1 });
    const error = await applyReset(change, { group, previewId: preview.previewId, confirm: group }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 409, code: 'offsets_moved' });
    const details = (error as ConflictError).details as { moved: Array<{ brokerName: string; queueId: number; previewed: number; now: number }>; preview: { previewId: string; queues: Array<{ brokerName: string; queueId: number; currentOffset: number }> } };
    expect(details.moved).toEqual([{ topic: 'LabTopic', brokerName: 'broker-a', queueId: 0, previewed: original.get('broker-a/0'), now: original.get('broker-a/0')! + 1 }]);
    expect(details.preview.queues.find((q) => q.brokerName === 'broker-a' && q.queueId === 0)!.currentOffset).toBe(original.get('broker-a/0')! + 1);
    expect((await applyReset(change, { group, previewId: details.preview.previewId, confirm: group })).status).toBe('completed');
  });

  it('records which queues were reset when a broker stops answering, and undo restores those', async () => {
    const group = `reset_fail_${suffix}`;
    const original = await offlineGroupWithOffsets(admin, group);
    const preview = await previewReset(ctx, { group, topic: 'LabTopic', mode: 'earliest' });
    // broker-b stops answering: it does not answer the check of the offsets before the reset, so its queues are not
    // sent (nothing changes there; a request could only time out), and the audit says which queues are reset
    const result = await withBrokerFrozen('broker-b-0', () => applyReset(change, { group, previewId: preview.previewId, confirm: group }));
    expect(result.status).toBe('partial');
    expect(result.queues.filter((q) => q.outcome === 'reset').map(key)).toEqual(['broker-a/0', 'broker-a/1', 'broker-a/2', 'broker-a/3']);
    expect(result.queues.filter((q) => q.outcome !== 'reset').map((q) => [key(q), q.outcome])).toEqual([0, 1, 2, 3].map((i) => [`broker-b/${i}`, 'failed']));
    expect(result.queues.filter((q) => q.outcome === 'failed').every((q) => /broker-b.*did not answer in time.*not sent, nothing changed there/.test(q.error ?? ''))).toBe(true);
    const entry = await getAuditEntry(ctx, { auditId: result.auditId });
    expect(entry).toMatchObject({ status: 'partial', canUndo: true });
    expect((await mqadminOffsets(group)).get('broker-a/0')).toBe(preview.queues.find((q) => key(q) === 'broker-a/0')!.targetOffset);

    expect((await mqadminOffsets(group)).get('broker-b/0')).toBe(original.get('broker-b/0'));

    // undo restores the queues that were reset, and mqadmin shows the original offsets
    const undo = await previewUndo(ctx, { auditId: result.auditId });
    expect(undo.queues.filter((q) => q.delta !== 0).map(key).sort()).toEqual([...original.keys()].filter((q) => q.startsWith('broker-a/')).sort());
    await applyReset(change, { group, previewId: undo.previewId, confirm: group });
    expect(await mqadminOffsets(group)).toEqual(original);
  });
});
