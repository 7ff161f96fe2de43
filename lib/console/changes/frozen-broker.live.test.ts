import { describe, expect, it } from 'vitest';
import { topicRoute } from '../../../test-support/mqadmin';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { applyAnyChange, previewAnyChange, previewChangeUndo } from '../change-kinds';
import { getAuditEntry } from '../audit/view';

const queuesOf = async (topic: string) => new Map((await topicRoute(topic, LIVE, false)).queueDatas.map((q) => [q.brokerName, [q.readQueueNums, q.writeQueueNums]]));

// A broker that stops answering in the middle of a cluster-wide change (SIGSTOP after the plan was checked and the
// audit written, before the brokers are called): its step is unknown (the request left, no answer came), the
// others are done, and undo from the audit entry restores every broker.
describe(`a change when a broker freezes mid-apply (${LIVE.version})`, () => {
  // the pause between the audit write and the first broker call is where the test freezes broker-b
  const { ctx, as } = liveConsole({ testHooks: { pauseAfterAuditMs: 2000 } });
  const alice = as('alice', 'ui');
  const topic = `FrozenChange_${Date.now().toString(36)}`;

  it('records broker-b as unknown and broker-a as done, and undo restores both (= mqadmin topicRoute)', async () => {
    const create = await previewAnyChange(ctx, { action: 'topic.upsert', request: { topic, clusterName: 'DefaultCluster', readQueueNums: 4, writeQueueNums: 4 } });
    expect((await applyAnyChange(alice, { previewId: create.previewId, confirm: true })).status).toBe('completed');
    await expect.poll(() => queuesOf(topic), { timeout: 15_000 }).toEqual(new Map([['broker-a', [4, 4]], ['broker-b', [4, 4]]]));

    const grow = await previewAnyChange(ctx, { action: 'topic.upsert', request: { topic, clusterName: 'DefaultCluster', readQueueNums: 6, writeQueueNums: 6 } });
    const applying = applyAnyChange(alice, { previewId: grow.previewId, confirm: grow.typedConfirmation ? topic : true });
    // the audit entry is written (the plan was checked against both brokers): now broker-b stops
    const store = await ctx.store();
    await expect.poll(async () => (await store.audit.list({ cluster: ctx.name, targetName: topic, limit: 5, offset: 0 })).items.filter((e) => !e.outcome).length, { timeout: 10_000, interval: 100 }).toBe(1);
    const result = await withBrokerFrozen('broker-b-0', () => applying);

    expect(result.status).toBe('partial');
    expect(result.steps.map((s) => [s.where, s.outcome])).toEqual([['broker-a', 'done'], ['broker-b', 'unknown']]);
    expect(result.steps[1]!.error).toMatch(/broker-b.*did not answer in time.*it may still apply/);
    const entry = await getAuditEntry(ctx, { auditId: result.auditId });
    expect(entry).toMatchObject({ status: 'partial', canUndo: true, actor: 'alice' });
    // broker-b, thawed, may or may not have applied the request it held: either way undo restores both
    await expect.poll(async () => (await queuesOf(topic)).get('broker-a'), { timeout: 15_000 }).toEqual([6, 6]);

    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect(undo.undoOf).toBe(result.auditId);
    const undone = await applyAnyChange(alice, { previewId: undo.previewId, confirm: undo.typedConfirmation ? topic : true });
    expect(undone).toMatchObject({ status: 'completed', undoOf: result.auditId });
    await expect.poll(() => queuesOf(topic), { timeout: 15_000 }).toEqual(new Map([['broker-a', [4, 4]], ['broker-b', [4, 4]]]));
  });
});
