import { describe, expect, it } from 'vitest';
import { consumerConfig, consumerProgress, mqadmin } from '../../../../test-support/mqadmin';
import { labMasters } from '../../../../test-support/reset';
import { LIVE } from '../../../../test-support/sandbox';
import { liveConsole } from '../../../../test-support/live-console';
import { getTopicStatsInfo } from '../../../rocketmq/get-topic-stats-info';
import { updateAndCreateTopic } from '../../../rocketmq/update-and-create-topic';
import { updateConsumerOffset } from '../../../rocketmq/update-consumer-offset';
import { applyAnyChange, previewAnyChange, previewChangeUndo } from '../../change-kinds';

/** mqadmin getConsumerConfig, per broker: brokerName -> the fields it prints. */
async function configs(group: string): Promise<Map<string, Record<string, string>>> {
  const blocks = await consumerConfig(group).catch(() => []);
  return new Map(blocks.map((b) => [/broker-[ab]/.exec(b._header ?? '')?.[0] ?? b._header ?? '', b]));
}

describe(`subscription group changes through the change pipeline (${LIVE.version})`, () => {
  const { ctx, admin, as } = liveConsole();
  const carol = as('carol', 'api');
  const group = `change_cg_${Date.now().toString(36)}`;

  it('creates a group on every master with its settings, as mqadmin getConsumerConfig then prints them', async () => {
    const plan = await previewAnyChange(ctx, { action: 'group.upsert', request: { group, clusterName: 'DefaultCluster', retryMaxTimes: 5, consumeFromMinEnable: true } });
    expect(plan.lines.filter((l) => l.where === 'broker-a').map((l) => [l.field, l.before, l.after])).toEqual([
      ['retryQueueNums', null, '1'], ['retryMaxTimes', null, '5'], ['consumeEnable', null, 'true'], ['consumeBroadcastEnable', null, 'true'], ['consumeFromMinEnable', null, 'true'], ['consumeMessageOrderly', null, 'false'],
    ]);
    expect(plan.undo.possible).toBe(false);
    expect((await applyAnyChange(carol, { previewId: plan.previewId, confirm: true })).status).toBe('completed');
    const after = await configs(group);
    expect([...after.keys()].sort()).toEqual(['broker-a', 'broker-b']);
    for (const c of after.values()) expect(c).toMatchObject({ groupName: group, retryMaxTimes: '5', consumeFromMinEnable: 'true', consumeEnable: 'true' });
  });

  it('disabling consumption on one broker is typed-confirmed and says who stops; undo restores the values mqadmin printed before', async () => {
    const plan = await previewAnyChange(ctx, { action: 'group.upsert', request: { group, brokerNames: ['broker-a'], consumeEnable: false, retryMaxTimes: 3 } });
    expect(plan.lines).toEqual([
      { where: 'broker-a', field: 'retryMaxTimes', before: '5', after: '3' },
      { where: 'broker-a', field: 'consumeEnable', before: 'true', after: 'false' },
    ]);
    expect(plan.warnings).toEqual([`consumption stops on broker-a: no client is online now`, `fewer retries on broker-a: messages that fail more often go to %DLQ%${group} sooner`]);
    expect(plan.typedConfirmation).toBe(true);
    const result = await applyAnyChange(carol, { previewId: plan.previewId, confirm: group });
    expect(result.status).toBe('completed');
    const changed = await configs(group);
    expect(changed.get('broker-a')).toMatchObject({ consumeEnable: 'false', retryMaxTimes: '3', consumeFromMinEnable: 'true' });
    expect(changed.get('broker-b')).toMatchObject({ consumeEnable: 'true', retryMaxTimes: '5' });

    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect(undo.lines).toEqual([
      { where: 'broker-a', field: 'retryMaxTimes', before: '3', after: '5' },
      { where: 'broker-a', field: 'consumeEnable', before: 'false', after: 'true' },
    ]);
    expect((await applyAnyChange(carol, { previewId: undo.previewId, confirm: group })).status).toBe('completed');
    expect((await configs(group)).get('broker-a')).toMatchObject({ consumeEnable: 'true', retryMaxTimes: '5' });
  });

  if (LIVE.isV5) {
    it('5.x: sets an exponential retry policy (= getConsumerConfig groupRetryPolicy), keeps it through an edit of another field, and undo puts the delay levels back', async () => {
      const policyOf = async () => new Map([...(await configs(group))].map(([b, c]) => [b, c.groupRetryPolicy]));
      const levels = 'GroupRetryPolicy{type=CUSTOMIZED, exponentialRetryPolicy=null, customizedRetryPolicy=null}';
      expect(await policyOf()).toEqual(new Map([['broker-a', levels], ['broker-b', levels]]));
      const set = await previewAnyChange(ctx, { action: 'group.upsert', request: { group, clusterName: 'DefaultCluster', retryPolicy: { type: 'EXPONENTIAL', initial: 1000, max: 60_000, multiplier: 2 } } });
      expect(set.lines).toEqual(['broker-a', 'broker-b'].map((where) => ({ where, field: 'retryPolicy', before: "CUSTOMIZED (the broker's delay levels)", after: 'EXPONENTIAL 1s ×2 up to 1m' })));
      const applied = await applyAnyChange(carol, { previewId: set.previewId, confirm: set.typedConfirmation ? group : true });
      expect(applied.status).toBe('completed');
      const exponential = 'GroupRetryPolicy{type=EXPONENTIAL, exponentialRetryPolicy=ExponentialRetryPolicy{initial=1000, max=60000, multiplier=2}, customizedRetryPolicy=null}';
      expect(await policyOf()).toEqual(new Map([['broker-a', exponential], ['broker-b', exponential]]));

      // the broker replaces the whole config: an edit of another field sends the policy back as it is
      const other = await previewAnyChange(ctx, { action: 'group.upsert', request: { group, brokerNames: ['broker-a'], retryQueueNums: 2 } });
      expect(other.lines).toEqual([{ where: 'broker-a', field: 'retryQueueNums', before: '1', after: '2' }]);
      const edited = await applyAnyChange(carol, { previewId: other.previewId, confirm: other.typedConfirmation ? group : true });
      expect((await configs(group)).get('broker-a')).toMatchObject({ retryQueueNums: '2', groupRetryPolicy: exponential, retryMaxTimes: '5' });

      for (const auditId of [edited.auditId, applied.auditId]) {
        const undo = await previewChangeUndo(ctx, { auditId });
        expect((await applyAnyChange(carol, { previewId: undo.previewId, confirm: undo.typedConfirmation ? group : true })).status).toBe('completed');
      }
      expect(await policyOf()).toEqual(new Map([['broker-a', levels], ['broker-b', levels]]));
      expect((await configs(group)).get('broker-a')).toMatchObject({ retryQueueNums: '1', retryMaxTimes: '5', consumeFromMinEnable: 'true' });
      await expect(previewAnyChange(ctx, { action: 'group.upsert', request: { group, brokerNames: ['broker-a'], retryPolicy: { type: 'EXPONENTIAL', initial: 5000, max: 1000, multiplier: 2 } } })).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ['retryPolicy', 'max'] })],
      });
    });
  } else {
    it('4.x: refuses a retry policy, a 5.x setting, naming the field', async () => {
      await expect(previewAnyChange(ctx, { action: 'group.upsert', request: { group, brokerNames: ['broker-a'], retryPolicy: { type: 'CUSTOMIZED', next: [1000, 5000] } } })).rejects.toMatchObject({ status: 400, field: 'retryPolicy' });
    });
  }

  it('deletes the group keeping its offsets, and undo creates it again with its settings; mqadmin consumerProgress shows the same offsets', async () => {
    for (const m of labMasters()) {
      // the retry topic a consumer's heartbeat would create, so mqadmin consumerProgress finds the group
      await updateAndCreateTopic(admin, m.addr, { topic: `%RETRY%${group}`, readQueueNums: 1, writeQueueNums: 1 });
      for (const q of await getTopicStatsInfo(admin, m.addr, 'LabTopic')) await updateConsumerOffset(admin, m.addr, { consumerGroup: group, topic: 'LabTopic', queueId: q.queueId, commitOffset: q.minOffset + 1 });
    }
    const offsets = async () => new Map((await consumerProgress(group, 'LabTopic', false)).rows.map((r) => [`${r.brokerName}/${r.queueId}`, r.consumerOffset]));
    const before = await offsets();
    expect(before.size).toBe(8);

    if (LIVE.isV5) {
      // 5.5.0 brokers with autoCreateSubscriptionGroup=true (the default) create the group again in the very call that
      // deletes it without its offsets: the plan says so and refuses; with the flag off the deletion sticks
      const refused = await previewAnyChange(ctx, { action: 'group.delete', request: { group } });
      expect(refused.blockers).toEqual([
        'broker-a, broker-b (5.x with autoCreateSubscriptionGroup=true) create a group deleted without its offsets again at once, with default settings: delete it with its offsets, or set autoCreateSubscriptionGroup=false on those brokers first',
      ]);
      await expect(applyAnyChange(carol, { previewId: refused.previewId, confirm: group })).rejects.toMatchObject({ status: 409, code: 'blocked' });
      for (const m of labMasters()) await mqadmin(['updateBrokerConfig', '-b', m.addr, '-k', 'autoCreateSubscriptionGroup', '-v', 'false'], { cache: false });
    }
    try {
      await deleteAndUndo(before, offsets);
    } finally {
      if (LIVE.isV5) for (const m of labMasters()) await mqadmin(['updateBrokerConfig', '-b', m.addr, '-k', 'autoCreateSubscriptionGroup', '-v', 'true'], { cache: false });
    }
  });

  async function deleteAndUndo(before: Map<string, number>, offsets: () => Promise<Map<string, number>>) {
    const plan = await previewAnyChange(ctx, { action: 'group.delete', request: { group } });
    expect(plan.blockers).toEqual([]);
    expect(plan.lines.map((l) => [l.where, l.field, l.after])).toEqual([['broker-a', 'subscription group', null], ['broker-b', 'subscription group', null]]);
    expect([plan.typedConfirmation, plan.undo.possible]).toEqual([true, true]);
    const result = await applyAnyChange(carol, { previewId: plan.previewId, confirm: group });
    expect(result.status).toBe('completed');
    expect((await configs(group)).size).toBe(0);

    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect(undo).toMatchObject({ action: 'group.upsert', undoOf: result.auditId });
    expect((await applyAnyChange(carol, { previewId: undo.previewId, confirm: true })).status).toBe('completed');
    const back = await configs(group);
    for (const b of ['broker-a', 'broker-b']) expect(back.get(b), b).toMatchObject({ retryMaxTimes: '5', consumeFromMinEnable: 'true' });
    expect(await offsets()).toEqual(before);
  }

  it('deletes it with its offsets, which cannot be undone, and answers bad input naming the field', async () => {
    const plan = await previewAnyChange(ctx, { action: 'group.delete', request: { group, cleanOffset: true } });
    expect(plan.undo).toMatchObject({ possible: false });
    expect(plan.lines.filter((l) => l.field === 'consumer offsets')).toHaveLength(2);
    const result = await applyAnyChange(carol, { previewId: plan.previewId, confirm: group });
    expect(result.status).toBe('completed');
    expect((await configs(group)).size).toBe(0);
    await expect(previewChangeUndo(ctx, { auditId: result.auditId })).rejects.toMatchObject({ status: 409, code: 'not_undoable' });

    await expect(previewAnyChange(ctx, { action: 'group.delete', request: { group: 'no_such_group_zz' } })).rejects.toMatchObject({ status: 404, field: 'group' });
    await expect(previewAnyChange(ctx, { action: 'group.upsert', request: { group, brokerNames: ['broker-a'], retryQueueNums: 0 } })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['retryQueueNums'] })] });
    await expect(previewAnyChange(ctx, { action: 'group.upsert', request: { group: 'bad group!', brokerNames: ['broker-a'] } })).rejects.toMatchObject({ status: 400, field: 'group' });
    await expect(previewAnyChange(ctx, { action: 'group.upsert', request: { group: 'TOOLS_CONSUMER', brokerNames: ['broker-a'] } })).rejects.toMatchObject({ status: 400, field: 'group' });
  });
});
