import { describe, expect, it } from 'vitest';
import { brokerConfig, namesrvConfig } from '../../../../test-support/mqadmin';
import { LIVE } from '../../../../test-support/sandbox';
import { liveConsole } from '../../../../test-support/live-console';
import { applyAnyChange, previewAnyChange, previewChangeUndo } from '../../change-kinds';
import { getBrokerConfigTable, getNamesrvConfigTable } from '../config-view';

describe(`broker and namesrv configuration changes (${LIVE.version})`, () => {
  const { ctx, as } = liveConsole();
  const dave = as('dave', 'ui');
  // a console that pauses between the audit write and the first broker call, so two changes overlap
  const paused = liveConsole({ testHooks: { pauseAfterAuditMs: 2000 } });

  it('shows every key of every broker as mqadmin getBrokerConfig prints it', async () => {
    const table = await getBrokerConfigTable(ctx, {});
    expect(table.columns.map((c) => c.addr).sort()).toEqual([LIVE.brokerAMaster, LIVE.brokerASlave, LIVE.brokerBMaster].sort());
    for (const addr of [LIVE.brokerAMaster, LIVE.brokerBMaster]) {
      const theirs = await brokerConfig(addr);
      expect(table.rows.length).toBeGreaterThanOrEqual(Object.keys(theirs).length);
      for (const key of ['fileReservedTime', 'brokerName', 'autoCreateSubscriptionGroup', 'brokerPermission', 'flushDiskType']) {
        expect(table.rows.find((r) => r.key === key)?.values[addr], `${addr} ${key}`).toBe(theirs[key]);
      }
    }
    // names differ between brokers by nature: never config drift
    expect(table.rows.find((r) => r.key === 'brokerName')?.differs).toBe(false);
  });

  it('changes a runtime key on one broker with a diff, marks the drift it makes, and undo restores it (= getBrokerConfig)', async () => {
    const before = (await brokerConfig(LIVE.brokerAMaster)).fileReservedTime!;
    const next = String(Number(before) + 1);
    const plan = await previewAnyChange(ctx, { action: 'broker.config', request: { brokerName: 'broker-a', changes: { fileReservedTime: next } } });
    expect(plan.lines).toEqual([{ where: `broker-a (master, ${LIVE.brokerAMaster})`, field: 'fileReservedTime', before, after: next }]);
    expect(plan.warnings.some((w) => w.includes('after a restart'))).toBe(false);
    expect(plan.typedConfirmation).toBe(true);
    const result = await applyAnyChange(dave, { previewId: plan.previewId, confirm: 'broker-a' });
    expect(result.status).toBe('completed');
    expect((await brokerConfig(LIVE.brokerAMaster)).fileReservedTime).toBe(next);
    expect((await brokerConfig(LIVE.brokerBMaster)).fileReservedTime).toBe(before);
    const drifted = await getBrokerConfigTable(ctx, { onlyDiffering: true });
    expect(drifted.rows.map((r) => r.key)).toContain('fileReservedTime');

    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect(undo.lines).toEqual([{ where: `broker-a (master, ${LIVE.brokerAMaster})`, field: 'fileReservedTime', before: next, after: before }]);
    expect((await applyAnyChange(dave, { previewId: undo.previewId, confirm: 'broker-a' })).status).toBe('completed');
    expect((await brokerConfig(LIVE.brokerAMaster)).fileReservedTime).toBe(before);
  });

  it('runs one of a one-broker and a cluster-wide change of the configuration at a time: both lock the cluster\'s broker configuration', async () => {
    const before = (await brokerConfig(LIVE.brokerAMaster)).fileReservedTime!;
    const next = String(Number(before) + 2);
    const one = await previewAnyChange(paused.ctx, { action: 'broker.config', request: { brokerName: 'broker-a', changes: { fileReservedTime: next } } });
    const all = await previewAnyChange(paused.ctx, { action: 'broker.config', request: { clusterName: 'DefaultCluster', changes: { fileReservedTime: next } } });
    const running = applyAnyChange(paused.as('dave', 'ui'), { previewId: one.previewId, confirm: 'broker-a' });
    await new Promise((r) => setTimeout(r, 500));
    await expect(applyAnyChange(paused.as('erin', 'api'), { previewId: all.previewId, confirm: 'DefaultCluster' })).rejects.toMatchObject({
      status: 409,
      code: 'change_running',
      message: expect.stringMatching(/another change of broker configuration of cluster DefaultCluster is running \(by dave, audit #\d+/),
    });
    const done = await running;
    expect(done.status).toBe('completed');
    const undo = await previewChangeUndo(ctx, { auditId: done.auditId });
    expect((await applyAnyChange(dave, { previewId: undo.previewId, confirm: 'broker-a' })).status).toBe('completed');
    expect((await brokerConfig(LIVE.brokerAMaster)).fileReservedTime).toBe(before);
  });

  it('refuses before sending: an unknown key, a black-listed key, a key that holds a secret, an unknown broker (400 naming the field)', async () => {
    const change = (request: Record<string, unknown>) => previewAnyChange(ctx, { action: 'broker.config', request: { brokerName: 'broker-a', ...request } });
    await expect(change({ changes: { fileReservedTme: '1' } })).rejects.toMatchObject({ status: 400, field: 'changes.fileReservedTme' });
    await expect(change({ changes: { brokerConfigPath: '/tmp/x' } })).rejects.toMatchObject({ status: 400, field: 'changes.brokerConfigPath' });
    await expect(change({ changes: {} })).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ['changes'] })] });
    await expect(change({ brokerName: 'broker-x', changes: { fileReservedTime: '1' } })).rejects.toMatchObject({ status: 400, field: 'brokerName' });
  });

  it('changes a namesrv key on every namesrv and undoes it (= getNamesrvConfig)', async () => {
    const table = await getNamesrvConfigTable(ctx, { search: 'clusterTest' });
    expect(table.rows.map((r) => [r.key, r.values[LIVE.namesrv]])).toEqual([['clusterTest', (await namesrvConfig()).clusterTest]]);
    const plan = await previewAnyChange(ctx, { action: 'namesrv.config', request: { changes: { clusterTest: 'true' } } });
    expect(plan.lines).toEqual([{ where: `namesrv ${LIVE.namesrv}`, field: 'clusterTest', before: 'false', after: 'true' }]);
    const result = await applyAnyChange(dave, { previewId: plan.previewId, confirm: ctx.name });
    expect(result.status).toBe('completed');
    expect((await namesrvConfig()).clusterTest).toBe('true');
    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect((await applyAnyChange(dave, { previewId: undo.previewId, confirm: ctx.name })).status).toBe('completed');
    expect((await namesrvConfig()).clusterTest).toBe('false');
  });
});
