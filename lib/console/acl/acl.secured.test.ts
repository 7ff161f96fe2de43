import { describe, expect, it } from 'vitest';
import { aclSigner, ConnectionPool, type AclCredentials } from '../../remoting';
import { sendMessage } from '../../rocketmq/send-message';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import { listAcls, listUsers } from '../../../test-support/mqadmin';
import { liveConsole } from '../../../test-support/live-console';
import { SECURED_ACCOUNTS, securedSandboxOf } from '../../../test-support/sandbox';
import { getAccessControl } from './overview';
import { getAccessControlView, simulateOnCluster } from './simulate';

const ON = securedSandboxOf(process.env.RMQ_VERSION ?? '5.5.0');
// each version defines only the tests of its ACL (not skipped ones: the suite's count stays exact)
const noop = (..._args: unknown[]) => undefined;

describe(`access control page (${ON.version})`, () => {
  const { ctx } = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.admin, requestTimeoutMs: 5000 });
  const asReader = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.reader, requestTimeoutMs: 5000 });
  const asApp = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.app, requestTimeoutMs: 5000 });

  (ON.isV5 ? it : noop)('lists the users and policies every broker keeps, as mqadmin listUser / listAcl -b print them, and no password', async () => {
    const overview = await getAccessControl(ctx);
    expect(overview.mode).toBe('acl2');
    expect(overview.failures).toEqual([]);
    expect(overview.account).toEqual({ accessKey: 'rocketmq', userType: 'Super' });
    for (const addr of [ON.brokerAMaster, ON.brokerASlave, ON.brokerBMaster]) {
      const [users, acls] = await Promise.all([listUsers(addr, ON), listAcls(addr, ON)]);
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['lab_app', 'lab_reader', 'rocketmq']));
      const label = overview.brokers.find((b) => b.addr === addr)!;
      const held = `${label.brokerName}/${label.brokerId}`;
      expect(overview.users.filter((u) => u.on.includes(held)).map((u) => [u.username, u.userType, u.userStatus]).sort()).toEqual(users.map((u) => [u.username, u.userType, u.userStatus]).sort());
      const ours = overview.policies.filter((p) => p.on.includes(held)).map((p) => [p.subject, p.policyType, p.resource, [...p.actions].sort().join(','), p.sourceIps.join(','), p.decision]);
      expect(acls.length).toBeGreaterThanOrEqual(3);
      expect(ours.sort()).toEqual(acls.map((a) => [a.subject, a.policyType, a.resource, [...a.actions].sort().join(','), a.sourceIps.join(','), a.decision]).sort());
    }
    expect(overview.users.every((u) => u.missingOn.length === 0)).toBe(true);
    expect(JSON.stringify(overview)).not.toMatch(/password|lab-app-pw-1|lab-reader-pw-1|lab-admin-pw-1/);
  });

  (ON.isV5 ? it : noop)('decides as the brokers do: each answer of the simulator is what a request signed as that user gets', async () => {
    const topic = `AclProbe_${Date.now().toString(36)}`;
    const as = (account: AclCredentials) => new ConnectionPool({ beforeRequest: aclSigner(account) });
    const pools = { lab_app: as(SECURED_ACCOUNTS.app), lab_reader: as(SECURED_ACCOUNTS.reader), rocketmq: as(SECURED_ACCOUNTS.admin) };
    const broker = ON.brokerAMaster;
    const outcome = (p: Promise<unknown>) => p.then(() => 'Allow', (e: { code?: number }) => (e.code === 16 ? 'Deny' : `error ${String(e)}`));
    try {
      // create first as the Super user, so that Pub has a topic to go to
      const cases: Array<[keyof typeof pools, 'Create' | 'Pub', string]> = [
        ['rocketmq', 'Create', topic],
        ['lab_app', 'Create', `${topic}_app`],
        ['lab_reader', 'Create', `${topic}_reader`],
        ['lab_app', 'Pub', topic],
        ['lab_reader', 'Pub', topic],
      ];
      for (const [user, action, target] of cases) {
        const simulated = await simulateOnCluster(ctx, { user, action, resource: `Topic:${target}`, sourceIp: '127.0.0.1' });
        const pool = pools[user];
        const real = await outcome(
          action === 'Create'
            ? updateAndCreateTopic(pool, broker, { topic: target, readQueueNums: 1, writeQueueNums: 1, perm: 6 }, 5000)
            : sendMessage(pool, broker, { producerGroup: 'acl_probe_pg', topic: target, queueId: 0, brokerName: 'broker-a', body: Buffer.from('probe'), properties: {}, bornTimestamp: Date.now() }, 5000),
        );
        expect(real, `${user} ${action} ${target}`).toMatch(/^(Allow|Deny)$/);
        expect(simulated.decision, `${user} ${action} ${target}: ${simulated.reason}`).toBe(real);
      }
    } finally {
      for (const pool of Object.values(pools)) pool.close();
    }
  });

  (ON.isV5 ? it : noop)('says whether the console\'s own account may change anything: the Super user may, the reader may not, and for an account that may not even list users it is unknown', async () => {
    expect((await getAccessControlView(ctx)).account).toEqual({ accessKey: 'rocketmq', userType: 'Super', mayChange: true });
    expect((await getAccessControlView(asReader.ctx)).account).toEqual({ accessKey: 'lab_reader', userType: 'Normal', mayChange: false });
    // lab_app may Get topics and groups only, not the cluster's users: each broker's refusal is named, nothing guessed
    const app = await getAccessControlView(asApp.ctx);
    expect(app.account).toEqual({ accessKey: SECURED_ACCOUNTS.app.accessKey });
    expect(app.failures).toHaveLength(3);
    for (const f of app.failures) expect(f.error).toMatch(/refused AUTH_LIST_USER to the console's account \(access control\)/);
  });

  (ON.isV5 ? noop : it)('on 4.9.8 (ACL 1.0) says there is no ACL 2.0 and why the accounts cannot be listed', async () => {
    const overview = await getAccessControl(ctx);
    expect(overview.mode).toBe('acl1');
    expect(overview.brokers).toHaveLength(3);
    expect(overview.notes.join(' ')).toMatch(/GET_BROKER_CLUSTER_ACL_CONFIG \(54\) was removed/);
    expect(overview.users).toEqual([]);
  });
});
