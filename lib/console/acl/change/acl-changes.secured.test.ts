import { describe, expect, it } from 'vitest';
import { aclSigner, ConnectionPool } from '../../../remoting';
import { getBrokerRuntimeInfo } from '../../../rocketmq/get-broker-runtime-info';
import { listAcls, listUsers } from '../../../../test-support/mqadmin';
import { liveConsole } from '../../../../test-support/live-console';
import { SECURED_ACCOUNTS, securedSandboxOf } from '../../../../test-support/sandbox';
import { applyAnyChange, previewAnyChange, previewChangeUndo } from '../../change-kinds';
import { simulateOnCluster } from '../simulate';

const ON = securedSandboxOf(process.env.RMQ_VERSION ?? '5.5.0');
const noop = (..._args: unknown[]) => undefined;
const BROKERS = [ON.brokerAMaster, ON.brokerASlave, ON.brokerBMaster];

// ACL 2.0 only: 4.9 brokers do not know the codes (the overview test says so on 4.9.8)
(ON.isV5 ? describe : noop)(`ACL 2.0 changes through the change pipeline (${ON.version})`, () => {
  const live = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.admin, requestTimeoutMs: 5000 });
  const { ctx } = live;
  const alice = live.as('alice');
  const user = `acl_test_${Date.now().toString(36)}`;
  const password = `pw-${Date.now().toString(36)}-secret`;

  it('creates a user on every broker process: the password reaches the brokers and nowhere else', async () => {
    const plan = await previewAnyChange(ctx, { action: 'acl.user.upsert', request: { username: user, password, userType: 'Normal' } });
    expect(JSON.stringify(plan)).not.toContain(password);
    expect(plan.lines.filter((l) => l.field === 'password').map((l) => l.after)).toEqual(['set (not shown)', 'set (not shown)', 'set (not shown)']);
    expect(plan.expectedSteps).toBe(3);
    const result = await applyAnyChange(alice, { previewId: plan.previewId, confirm: true });
    expect(result.status).toBe('completed');
    expect(result.steps).toHaveLength(3);
    for (const addr of BROKERS) expect((await listUsers(addr, ON)).find((u) => u.username === user)).toMatchObject({ userType: 'Normal', userStatus: 'enable' });
    const entry = await (await ctx.store()).audit.get(result.auditId);
    expect(entry).toMatchObject({ action: 'acl.user.upsert', actor: 'alice' });
    expect(JSON.stringify(entry)).not.toContain(password);
    // a client can sign as the new user with its password, not with another
    const signedAs = (secretKey: string) => new ConnectionPool({ beforeRequest: aclSigner({ accessKey: user, secretKey }) });
    const good = signedAs(password);
    const bad = signedAs('not-it');
    try {
      await expect(getBrokerRuntimeInfo(good, ON.brokerBMaster, 5000)).resolves.toBeDefined();
      await expect(getBrokerRuntimeInfo(bad, ON.brokerBMaster, 5000)).rejects.toMatchObject({ code: 16 });
    } finally {
      good.close();
      bad.close();
    }
  });

  it('sets a policy entry on every broker (= mqadmin listAcl), the simulator follows it, and undo takes it back', async () => {
    const request = { subject: `User:${user}`, resource: 'Topic:AclTest*', actions: ['Pub', 'Sub'], sourceIps: ['127.0.0.0/8'], decision: 'Allow' };
    const plan = await previewAnyChange(ctx, { action: 'acl.policy.upsert', request });
    expect(plan.lines).toHaveLength(3);
    expect(plan.lines[0]).toMatchObject({ field: 'Custom Topic:AclTest*', before: null, after: 'Allow Pub,Sub from 127.0.0.0/8' });
    const result = await applyAnyChange(alice, { previewId: plan.previewId, confirm: true });
    expect(result.status).toBe('completed');
    for (const addr of BROKERS) {
      expect((await listAcls(addr, ON)).filter((a) => a.subject === `User:${user}`)).toEqual([{ subject: `User:${user}`, policyType: 'Custom', resource: 'Topic:AclTest*', actions: ['Pub', 'Sub'], sourceIps: ['127.0.0.0/8'], decision: 'Allow' }]);
    }
    expect((await simulateOnCluster(ctx, { user, action: 'Pub', resource: 'Topic:AclTest1', sourceIp: '127.0.0.1' })).decision).toBe('Allow');
    expect((await simulateOnCluster(ctx, { user, action: 'Pub', resource: 'Topic:AclTest1', sourceIp: '10.0.0.1' })).decision).toBe('Deny');

    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect(undo).toMatchObject({ action: 'acl.policy.delete', undoOf: result.auditId });
    expect((await applyAnyChange(alice, { previewId: undo.previewId, confirm: true })).status).toBe('completed');
    for (const addr of BROKERS) expect((await listAcls(addr, ON)).filter((a) => a.subject === `User:${user}`)).toEqual([]);
  });

  it('disables the user (typed confirmation, undone back to enabled), refuses to delete the console\'s own account, then deletes the user', async () => {
    const disable = await previewAnyChange(ctx, { action: 'acl.user.upsert', request: { username: user, userStatus: 'disable' } });
    expect(disable.typedConfirmation).toBe(true);
    expect(disable.lines.map((l) => [l.field, l.before, l.after])).toEqual(Array(3).fill(['userStatus', 'enable', 'disable']));
    const done = await applyAnyChange(alice, { previewId: disable.previewId, confirm: disable.target.name });
    expect(done.status).toBe('completed');
    for (const addr of BROKERS) expect((await listUsers(addr, ON)).find((u) => u.username === user)?.userStatus).toBe('disable');
    const undo = await previewChangeUndo(ctx, { auditId: done.auditId });
    await applyAnyChange(alice, { previewId: undo.previewId, confirm: undo.typedConfirmation ? undo.target.name : true });
    for (const addr of BROKERS) expect((await listUsers(addr, ON)).find((u) => u.username === user)?.userStatus).toBe('enable');

    const self = await previewAnyChange(ctx, { action: 'acl.user.delete', request: { username: 'rocketmq' } });
    expect(self.blockers.join(' ')).toContain('the account the console signs with');

    const remove = await previewAnyChange(ctx, { action: 'acl.user.delete', request: { username: user } });
    expect(remove.undo).toMatchObject({ possible: false });
    expect((await applyAnyChange(alice, { previewId: remove.previewId, confirm: remove.target.name })).status).toBe('completed');
    for (const addr of BROKERS) expect((await listUsers(addr, ON)).map((u) => u.username)).not.toContain(user);
  });

  it('refuses bad input naming the field, and a policy of an unknown user with a blocker', async () => {
    const field = async (action: string, request: unknown) =>
      previewAnyChange(ctx, { action, request }).then(
        () => 'accepted',
        (e: { issues?: Array<{ path: unknown[] }>; field?: string }) => e.issues?.[0]?.path.join('.') ?? e.field,
      );
    expect(await field('acl.policy.upsert', { subject: `User:${user}`, resource: 'Topic:a*b', actions: ['Pub'], decision: 'Allow' })).toBe('resource');
    expect(await field('acl.policy.upsert', { subject: `User:${user}`, resource: 'Topic:t', actions: ['Fly'], decision: 'Allow' })).toBe('actions.0');
    expect(await field('acl.policy.upsert', { subject: `User:${user}`, resource: 'Topic:t', actions: ['Any'], decision: 'Allow' })).toBe('actions.0');
    expect(await field('acl.user.upsert', { username: 'someone', password: '' })).toBe('password');
    expect(await field('acl.user.upsert', { username: 'bad:name', password: 'x' })).toBe('username');
    expect(await field('acl.user.upsert', { username: `nobody_${Date.now().toString(36)}` })).toBe('password');
    const unknown = await previewAnyChange(ctx, { action: 'acl.policy.upsert', request: { subject: 'User:nobody_here', resource: 'Topic:t', actions: ['Pub'], decision: 'Allow' } });
    expect(unknown.blockers.join(' ')).toContain('does not exist');
  });
});

(ON.isV5 ? noop : describe)(`ACL 2.0 changes on a broker without ACL 2.0 (${ON.version})`, () => {
  const { ctx } = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.admin, requestTimeoutMs: 5000 });

  it('refuses to plan a user or a policy, naming each broker and why, with nothing sent', async () => {
    for (const [action, request] of [
      ['acl.user.upsert', { username: 'someone', password: 'pw-1' }],
      ['acl.policy.upsert', { subject: 'User:someone', resource: 'Topic:t', actions: ['Pub'], decision: 'Allow' }],
    ] as const) {
      const refused = await previewAnyChange(ctx, { action, request }).then(() => undefined, (e: Error & { status?: number }) => e);
      expect(refused?.status, action).toBe(409);
      for (const addr of BROKERS) expect(refused?.message).toContain(addr);
      expect(refused?.message).toContain('has no ACL 2.0');
    }
  });
});
