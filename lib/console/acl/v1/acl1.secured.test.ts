import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { aclSigner, ConnectionPool } from '../../../remoting';
import { getBrokerRuntimeInfo } from '../../../rocketmq/get-broker-runtime-info';
import { mqadmin } from '../../../../test-support/mqadmin';
import { liveConsole } from '../../../../test-support/live-console';
import { SECURED_ACCOUNTS, securedSandboxOf } from '../../../../test-support/sandbox';
import { applyAnyChange, previewAnyChange, previewChangeUndo } from '../../change-kinds';
import { getAccessControl } from '../overview';

const ON = securedSandboxOf(process.env.RMQ_VERSION ?? '5.5.0');
const noop = (..._args: unknown[]) => undefined;
/** The sandbox's brokers share one rocketmq.home.dir (auth.sh): the file each of them writes and reads. */
const ACL_FILE = path.join(ON.dir, 'rmqhome', 'conf', 'plain_acl.yml');

interface FileAccount { accessKey: string; secretKey: string; admin?: boolean; defaultTopicPerm?: string; defaultGroupPerm?: string; topicPerms?: string[]; groupPerms?: string[]; whiteRemoteAddress?: string }
const aclFile = () => parse(readFileSync(ACL_FILE, 'utf8')) as { globalWhiteRemoteAddresses?: string[]; accounts: FileAccount[] };
const fileAccount = (accessKey: string) => aclFile().accounts.find((a) => a.accessKey === accessKey);

/** mqadmin clusterAclConfigVersion -c: per master, its ACL file and that file's version counter. */
async function aclVersions(): Promise<Array<{ brokerAddr: string; file: string; counter: number }>> {
  const out = await mqadmin(['clusterAclConfigVersion', '-c', 'DefaultCluster'], { cache: false, on: ON });
  return out
    .split('\n')
    .filter((l) => l.startsWith('DefaultCluster'))
    .map((l) => l.trim().split(/\s{2,}/))
    .map((r) => ({ brokerAddr: r[2]!, file: r[3]!, counter: Number(r[4]) }));
}

const confirmOf = (plan: { typedConfirmation: boolean; target: { name: string } }) => (plan.typedConfirmation ? plan.target.name : true);

/** A request only a known account with the right secret gets through on an ACL 1.0 broker. */
async function signedCall(accessKey: string, secretKey: string): Promise<string> {
  const pool = new ConnectionPool({ beforeRequest: aclSigner({ accessKey, secretKey }) });
  try {
    return await getBrokerRuntimeInfo(pool, ON.brokerBMaster, 5000).then(() => 'taken', (e: { remark?: string }) => e.remark?.split(',')[0] ?? String(e));
  } finally {
    pool.close();
  }
}

// ACL 1.0 only: 5.5.0 has no codes 50-54 (its fixture says so)
(ON.isV5 ? describe : noop)(`ACL 1.0 on ${ON.version}`, () => {
  const { ctx } = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.admin, requestTimeoutMs: 5000 });
  it('5.5.0 answers that it has no ACL 1.0 (and is on ACL 2.0)', async () => {
    const overview = await getAccessControl(ctx, { account: 'lab_reader' });
    expect(overview.mode).toBe('acl2');
    expect(overview.lookup).toBeUndefined();
    await expect(previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey: 'nobody_acl1', secretKey: 'nobody-secret-1' } })).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/has no ACL 1\.0: .*aclEnable=false\) \(a 5\.3\+ broker: ACL 2\.0 is its access control; 5\.3\.3 removed ACL 1\.0\)/) });
  });
});

(ON.isV5 ? noop : describe)(`ACL 1.0 accounts and the global white list (${ON.version})`, () => {
  const live = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.admin, requestTimeoutMs: 5000 });
  const { ctx } = live;
  const alice = live.as('alice');
  const accessKey = `acl1_${Date.now().toString(36)}`;
  const secretKey = `sk-${Date.now().toString(36)}-secret`;

  it('shows each broker\'s ACL file and version as mqadmin clusterAclConfigVersion does, and looks an account up without its secret', async () => {
    const [overview, versions] = await Promise.all([getAccessControl(ctx, { account: 'lab_reader' }), aclVersions()]);
    expect(overview.mode).toBe('acl1');
    expect(overview.failures).toEqual([]);
    expect(overview.brokers).toHaveLength(3);
    expect(versions.length).toBe(2);
    for (const v of versions) {
      const ours = overview.brokers.find((b) => b.addr === v.brokerAddr)!;
      expect(ours.acl1!.files).toEqual([{ path: v.file, version: { counter: v.counter, timestamp: expect.any(Number) } }]);
    }
    expect(overview.brokers.map((b) => b.lookup)).toEqual([{ kind: 'present' }, { kind: 'present' }, { kind: 'present' }]);
    const nobody = await getAccessControl(ctx, { account: 'nobody_here' });
    expect(nobody.brokers.map((b) => b.lookup)).toEqual([{ kind: 'absent' }, { kind: 'absent' }, { kind: 'absent' }]);
    expect(overview.notes.join(' ')).toMatch(/GET_BROKER_CLUSTER_ACL_CONFIG \(54\) was removed/);
  });

  it('creates an account on every broker process: the secret reaches the brokers and nowhere else, and undo deletes it again', async () => {
    const before = await aclVersions();
    const plan = await previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey, secretKey, defaultTopicPerm: 'SUB', topicPerms: ['LabTopic=PUB|SUB'], groupPerms: ['lab_cg_a=SUB'] } });
    expect(JSON.stringify(plan)).not.toContain(secretKey);
    expect(plan.lines.filter((l) => l.field === 'account').map((l) => [l.before, l.after])).toEqual([[null, 'created'], [null, 'created'], [null, 'created']]);
    expect(plan.lines.find((l) => l.field === 'secretKey')).toMatchObject({ before: null, after: 'set (not shown)' });
    expect(plan.undo).toEqual({ possible: true });
    const result = await applyAnyChange(alice, { previewId: plan.previewId, confirm: confirmOf(plan) });
    expect(result.status).toBe('completed');
    expect(result.steps).toHaveLength(3);
    expect(fileAccount(accessKey)).toEqual({ accessKey, secretKey, admin: false, defaultTopicPerm: 'SUB', topicPerms: ['LabTopic=PUB|SUB'], groupPerms: ['lab_cg_a=SUB'] });
    const after = await aclVersions();
    for (const v of after) expect(v.counter).toBeGreaterThan(before.find((b) => b.brokerAddr === v.brokerAddr)!.counter);
    expect(JSON.stringify(await (await ctx.store()).audit.get(result.auditId))).not.toContain(secretKey);
    expect(await signedCall(accessKey, secretKey)).toBe('taken');

    // a change of the existing account: merged (what is left out stays), its before unreadable, so no undo
    const change = await previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey, secretKey, defaultTopicPerm: 'DENY' } });
    // the broker needs the secret with every change: a signed request tells whether it is the current one
    expect(change.lines.find((l) => l.field === 'secretKey')).toMatchObject({ before: '(not readable)', after: 'the same (not shown)' });
    const other = await previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey, secretKey: `${secretKey}-2` } });
    expect(other.lines.find((l) => l.field === 'secretKey')).toMatchObject({ after: 'changed (not shown)' });
    expect(other.warnings.join(' ')).toMatch(/with the old secret are refused/);
    expect(change.lines.filter((l) => l.field === 'account').map((l) => [l.before, l.after])).toEqual([['exists', 'updated'], ['exists', 'updated'], ['exists', 'updated']]);
    expect(change.undo).toMatchObject({ possible: false, reason: expect.stringContaining('cannot be read back') });
    expect(change.typedConfirmation).toBe(true);
    const changed = await applyAnyChange(alice, { previewId: change.previewId, confirm: confirmOf(change) });
    expect(changed.steps, JSON.stringify(changed.steps)).toHaveLength(3);
    expect(changed.status, JSON.stringify(changed.steps)).toBe('completed');
    expect(fileAccount(accessKey)).toMatchObject({ secretKey, defaultTopicPerm: 'DENY', topicPerms: ['LabTopic=PUB|SUB'] });

    const undo = await previewChangeUndo(ctx, { auditId: result.auditId });
    expect(undo).toMatchObject({ action: 'acl1.account.delete', request: { accessKey } });
    expect((await applyAnyChange(alice, { previewId: undo.previewId, confirm: confirmOf(undo) })).status).toBe('completed');
    expect(fileAccount(accessKey)).toBeUndefined();
    expect(await signedCall(accessKey, secretKey)).toBe(`org.apache.rocketmq.acl.common.AclException: No acl config for ${accessKey}`);
  });

  it('replaces the global white list on every broker process (not undoable), and clears it again', async () => {
    const plan = await previewAnyChange(ctx, { action: 'acl1.whiteAddrs.update', request: { addresses: ['10.250.*', '192.0.2.7'] } });
    expect(plan.lines.map((l) => l.after)).toEqual(['10.250.*, 192.0.2.7', '10.250.*, 192.0.2.7', '10.250.*, 192.0.2.7']);
    expect(plan.undo).toMatchObject({ possible: false });
    expect((await applyAnyChange(alice, { previewId: plan.previewId, confirm: confirmOf(plan) })).status).toBe('completed');
    expect(aclFile().globalWhiteRemoteAddresses).toEqual(['10.250.*', '192.0.2.7']);
    const clear = await previewAnyChange(ctx, { action: 'acl1.whiteAddrs.update', request: { addresses: [] } });
    expect((await applyAnyChange(alice, { previewId: clear.previewId, confirm: confirmOf(clear) })).status).toBe('completed');
    // the broker writes an empty list as one empty pattern, which matches no address
    expect((aclFile().globalWhiteRemoteAddresses ?? []).filter(Boolean)).toEqual([]);
  });

  it('refuses bad input naming the field, before any broker sees it, and never deletes the console\'s own account', async () => {
    // the route answers a ZodError as 400 naming its path (bad-input route tests); here the use case's own error
    const refused = (field: string) => ({ issues: [expect.objectContaining({ path: expect.arrayContaining([field]) })] });
    await expect(previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey: 'short', secretKey } })).rejects.toMatchObject(refused('accessKey'));
    await expect(previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey, secretKey: 'tiny' } })).rejects.toMatchObject(refused('secretKey'));
    await expect(previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey: 'nobody_here' } })).rejects.toMatchObject(refused('secretKey'));
    await expect(previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey, secretKey, defaultTopicPerm: 'ALL' } })).rejects.toMatchObject(refused('defaultTopicPerm'));
    await expect(previewAnyChange(ctx, { action: 'acl1.account.upsert', request: { accessKey, secretKey, topicPerms: ['LabTopic'] } })).rejects.toMatchObject(refused('topicPerms'));
    await expect(previewAnyChange(ctx, { action: 'acl1.whiteAddrs.update', request: { addresses: ['10.1.{1,2}.5'] } })).rejects.toMatchObject(refused('addresses'));
    const self = await previewAnyChange(ctx, { action: 'acl1.account.delete', request: { accessKey: 'rocketmq' } });
    expect(self.blockers.join(' ')).toMatch(/lock the console out/);
  });
});
