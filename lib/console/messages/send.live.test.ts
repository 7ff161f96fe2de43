import { describe, expect, it } from 'vitest';
import { queryMsgById, queryMsgByUniqueKey } from '../../../test-support/mqadmin-messages';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { applyAnyChange, previewAnyChange, previewChangeUndo } from '../change-kinds';

describe(`send a message through the change pipeline (${LIVE.version})`, () => {
  const { ctx, as } = liveConsole();
  const erin = as('erin', 'ui');
  const topic = `SendTopic_${Date.now().toString(36)}`;

  it('sends to a chosen queue with tag, keys and properties; mqadmin finds it by both ids with those fields and body; no undo', async () => {
    const created = await previewAnyChange(ctx, { action: 'topic.upsert', request: { topic, clusterName: 'DefaultCluster', readQueueNums: 2, writeQueueNums: 2 } });
    expect((await applyAnyChange(erin, { previewId: created.previewId, confirm: true })).status).toBe('completed');

    const body = JSON.stringify({ orderId: 42, note: 'sent from the console' });
    const plan = await previewAnyChange(ctx, { action: 'message.send', request: { topic, tag: 'TagC', keys: ['ORDER-42', 'CUST-7'], properties: { origin: 'console-test' }, body, bodyFormat: 'json', queue: { brokerName: 'broker-b', queueId: 1 } } });
    expect(plan.lines[0]).toEqual({ where: 'broker-b queue 1', field: 'message', before: null, after: `${Buffer.byteLength(body)} bytes, tag TagC, keys ORDER-42 CUST-7` });
    expect(plan.undo.possible).toBe(false);
    const result = await applyAnyChange(erin, { previewId: plan.previewId, confirm: true });
    expect(result.status).toBe('completed');
    const sent = result.steps[0]!.result!;
    expect(sent).toMatchObject({ brokerName: 'broker-b', queueId: 1, queueOffset: 0 });

    const byOffsetId = await queryMsgById(String(sent.offsetMsgId), topic);
    expect(byOffsetId).toMatchObject({ topic, tags: 'TagC', keys: 'ORDER-42 CUST-7', queueId: 1, queueOffset: 0 });
    expect(byOffsetId.properties).toMatchObject({ origin: 'console-test', UNIQ_KEY: String(sent.msgId) });
    const byMsgId = await queryMsgByUniqueKey(String(sent.msgId), topic);
    expect(byMsgId).toMatchObject({ topic, tags: 'TagC', queueId: 1, queueOffset: 0, commitLogOffset: byOffsetId.commitLogOffset });
    await expect(previewChangeUndo(ctx, { auditId: result.auditId })).rejects.toMatchObject({ status: 409, code: 'not_undoable' });
    const entry = await (await ctx.store()).audit.get(result.auditId);
    expect(entry).toMatchObject({ actor: 'erin', action: 'message.send', target: { kind: 'topic', name: topic }, outcome: { status: 'completed' } });
  });

  it('answers bad input naming the field: a queue past the write queues, a body that is not JSON, a reserved property, delay and time together', async () => {
    const send = (request: Record<string, unknown>) => previewAnyChange(ctx, { action: 'message.send', request: { topic, body: 'x', ...request } });
    await expect(send({ queue: { brokerName: 'broker-a', queueId: 2 } })).rejects.toMatchObject({ status: 400, field: 'queue.queueId' });
    await expect(send({ body: '{oops', bodyFormat: 'json' })).rejects.toMatchObject({ status: 400, field: 'body' });
    await expect(send({ properties: { UNIQ_KEY: 'x' } })).rejects.toMatchObject({ status: 400, field: 'properties.UNIQ_KEY' });
    await expect(send({ delayLevel: 2, deliverAt: Date.now() + 60_000 })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['deliverAt'] })] });
    await expect(send({ topic: 'NoSuchTopic_zz' })).rejects.toMatchObject({ status: 404, field: 'topic' });
  });
});
