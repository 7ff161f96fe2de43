import { describe, expect, it } from 'vitest';
import { clusterList, consumerProgress, topicList } from '../../../test-support/mqadmin';
import { queryMsgByKey, sentMessages } from '../../../test-support/mqadmin-messages';
import { liveConsole } from '../../../test-support/live-console';
import { SECURED_ACCOUNTS, securedSandboxOf } from '../../../test-support/sandbox';
import { getBrokerRuntime } from '../brokers/runtime';
import { applyAnyChange, previewAnyChange } from '../change-kinds';
import { getClusterOverview } from '../cluster/overview';
import { getGroupProgress } from '../groups/progress';
import { searchByKey } from '../messages/by-key';
import { listTopics } from '../topics/list';
import { AccessRefusedError, namingAccessRefusal } from './errors';

// the sandbox with access control of RMQ_VERSION (SANDBOX_AUTH=on): 5.x ACL 2.0, 4.x ACL 1.0 (sandbox/scripts/auth.sh)
const ON = securedSandboxOf(process.env.RMQ_VERSION ?? '5.5.0');
const ACL = ON.isV5 ? 'ACL 2.0' : 'ACL 1.0';

describe(`a cluster with access control (${ON.version}, ${ACL})`, () => {
  const admin = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.admin, requestTimeoutMs: 5000 });
  const reader = liveConsole({ on: ON, credentials: SECURED_ACCOUNTS.reader, requestTimeoutMs: 5000 });
  const nobody = liveConsole({ on: ON, requestTimeoutMs: 5000 });
  const wrong = liveConsole({ on: ON, credentials: { accessKey: SECURED_ACCOUNTS.admin.accessKey, secretKey: 'not-the-password-1' }, requestTimeoutMs: 5000 });

  it('signs every request and shows what mqadmin, signed with the administrator\'s tools.yml, prints: brokers, topics, a group\'s progress, messages by key', async () => {
    const [overview, theirs] = await Promise.all([getClusterOverview(admin.ctx), clusterList(ON)]);
    expect(theirs).toHaveLength(3);
    expect(overview.failures).toEqual([]);
    expect(overview.clusters.flatMap((c) => c.brokers).map((b) => [b.brokerName, b.brokerId, b.addr, b.version])).toEqual(theirs.map((r) => [r.brokerName, r.brokerId, r.addr, r.version]));
    // the brokers' own numbers came through signed: every broker has its runtime figures
    expect(overview.clusters.flatMap((c) => c.brokers).every((b) => typeof b.putToday === 'number')).toBe(true);

    const [topics, listed] = await Promise.all([listTopics(admin.ctx, { page: 1, pageSize: 500, hideSystem: false }), topicList(false, ON)]);
    expect(listed).toContain('LabTopic');
    expect(topics.items.map((t) => t.topic).sort()).toEqual(listed.sort());

    const [progress, printed] = await Promise.all([getGroupProgress(admin.ctx, { group: 'lab_cg_cluster' }), consumerProgress('lab_cg_cluster', undefined, false, ON)]);
    expect(printed.rows.length).toBeGreaterThan(0);
    expect(progress.queues.map((q) => [q.topic, q.brokerName, q.queueId, q.brokerOffset, q.consumerOffset, q.lag])).toEqual(
      printed.rows.map((r) => [r.topic, r.brokerName, r.queueId, r.brokerOffset, r.consumerOffset, r.diff]),
    );

    // QUERY_MESSAGE carries _UNIQUE_KEY_QUERY, which the brokers leave out of their signature check at version 399.
    // The oracle is the traffic log (what the producer sent, on LabTopic): 4.9.8's own mqadmin signs that flag and
    // finds nothing on an ACL 1.0 broker (RocketMQ #5310); on 5.x mqadmin lists the same messages too.
    const row = (r: { msgId: string; queueId: number; queueOffset: number }) => `${r.msgId} ${r.queueId} ${r.queueOffset}`;
    const sent = sentMessages(ON.dir).filter((m) => m.keys.includes('CUST-2') && m.kind !== 'order');
    expect(sent.length).toBeGreaterThan(0);
    const byKey = await searchByKey(admin.ctx, { topic: 'LabTopic', key: 'CUST-2', begin: 0, end: Date.now(), limit: 1000 });
    expect(byKey.items.map(row).sort()).toEqual(sent.map(row).sort());
    if (ON.isV5) expect((await queryMsgByKey('LabTopic', 'CUST-2', ON)).map(row).sort()).toEqual(sent.map(row).sort());
  }, 120_000);

  it('with an account that may only read: reads work, and a change the broker refuses is a failed step naming the refusal, the topic not created', async () => {
    const overview = await getClusterOverview(reader.ctx);
    expect(overview.failures).toEqual([]);
    expect(overview.clusters.flatMap((c) => c.brokers)).toHaveLength(3);

    const topic = `SecuredRefused_${Date.now().toString(36)}`;
    const plan = await previewAnyChange(reader.ctx, { action: 'topic.upsert', request: { topic, clusterName: 'DefaultCluster', readQueueNums: 1, writeQueueNums: 1 } });
    const result = await applyAnyChange(reader.as('test'), { previewId: plan.previewId, confirm: true });
    expect(result.status).toBe('failed');
    expect(result.steps.map((s) => s.where).sort()).toEqual(['broker-a', 'broker-b']);
    for (const step of result.steps) {
      expect(step.outcome).toBe('failed');
      expect(step.error).toMatch(/refused UPDATE_AND_CREATE_TOPIC to the console's account \(access control\)/);
    }
    expect(await topicList(false, ON)).not.toContain(topic);
  }, 60_000);

  it('without credentials, or with a wrong secret: a 403 naming the cluster, the broker, the request and what to check; a page names each refusing broker', async () => {
    const unsigned = await getBrokerRuntime(nobody.ctx, { addr: ON.brokerAMaster }).then(
      () => undefined,
      (e: unknown) => namingAccessRefusal(e, 'secured', undefined),
    );
    expect(unsigned).toBeInstanceOf(AccessRefusedError);
    expect(unsigned).toMatchObject({ status: 403, code: 'access_refused' });
    const message = (unsigned as Error).message;
    expect(message).toContain(`cluster secured: ${ON.brokerAMaster} refused GET_BROKER_RUNTIME_INFO for no account`);
    expect(message).toContain(ON.isV5 ? 'username cannot be null' : 'No accessKey is configured');
    expect(message).toContain('Check the credentials of cluster secured in the clusters file');
    expect(message).not.toMatch(/org\.apache|\.java:/);

    const badSecret = await getBrokerRuntime(wrong.ctx, { addr: ON.brokerBMaster }).then(
      () => undefined,
      (e: unknown) => namingAccessRefusal(e, 'secured', SECURED_ACCOUNTS.admin.accessKey),
    );
    expect(badSecret).toBeInstanceOf(AccessRefusedError);
    expect((badSecret as Error).message).toMatch(new RegExp(`refused GET_BROKER_RUNTIME_INFO for the account rocketmq: .*signature`, 'i'));
    expect(JSON.stringify({ message: (badSecret as Error).message, details: (badSecret as AccessRefusedError).details })).not.toContain('not-the-password-1');

    // the namesrv has no access control: the brokers are known, each one's refusal is named
    const overview = await getClusterOverview(nobody.ctx);
    expect(overview.failures.map((f) => f.addr).sort()).toEqual([ON.brokerAMaster, ON.brokerASlave, ON.brokerBMaster].sort());
    for (const f of overview.failures) expect(f.error).toMatch(/refused \w+ to the console's account \(access control\)/);
  }, 60_000);
});
