import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxAdmin } from '../test-support/admin';
import { clusterList, consumerProgress, topicRoute } from '../test-support/mqadmin';
import { labMasters, offlineGroupWithOffsets } from '../test-support/reset';
import { LIVE } from '../test-support/sandbox';
import { ndjson, runRmqc } from '../test-support/rmqc';
import { deleteSubscriptionGroup } from '../lib/rocketmq/delete-subscriptiongroup';

// rmqc --namesrv: the read commands with no console, run as an operator runs them, against the sandbox; mqadmin
// is the oracle.
const rmqc = (args: string[]) => runRmqc(['--namesrv', LIVE.namesrv, ...args]);

describe(`rmqc --namesrv, no console (${LIVE.version})`, () => {
  const group = `x_rmqc_direct_${Date.now().toString(36)}`;
  const rocket = sandboxAdmin();
  beforeAll(async () => {
    await offlineGroupWithOffsets(rocket, group);
  });
  afterAll(async () => {
    for (const m of labMasters()) await deleteSubscriptionGroup(rocket, m.addr, { groupName: group, cleanOffset: true }).catch(() => undefined);
    rocket.close();
  });

  it('prints the brokers mqadmin clusterList prints', async () => {
    const [ran, printed] = await Promise.all([rmqc(['brokers', '--ndjson']), clusterList()]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(printed.length).toBeGreaterThan(0);
    expect(ndjson<{ brokerName: string; brokerId: number; addr: string }>(ran.stdout).map((b) => `${b.brokerName}/${b.brokerId}/${b.addr}`).sort())
      .toEqual(printed.map((b) => `${b.brokerName}/${b.brokerId}/${b.addr}`).sort());
  });

  it("prints a topic's route as mqadmin topicRoute and a group's offsets as mqadmin consumerProgress", async () => {
    const route = await rmqc(['topics', 'route', 'LabTopic', '--json']);
    expect(route.code, route.stderr).toBe(0);
    const theirs = await topicRoute('LabTopic', LIVE, false);
    expect(theirs.queueDatas.length).toBeGreaterThan(0);
    type Q = { brokerName: string; readQueueNums: number; writeQueueNums: number; perm: number };
    const key = (q: Q) => `${q.brokerName} ${q.readQueueNums}/${q.writeQueueNums}/${q.perm}`;
    expect((JSON.parse(route.stdout).queues as Q[]).map(key).sort()).toEqual(theirs.queueDatas.map(key).sort());

    const progress = await rmqc(['groups', 'progress', group, '--ndjson']);
    expect(progress.code, progress.stderr).toBe(0);
    const rows = (await consumerProgress(group, 'LabTopic', false)).rows;
    expect(rows.length).toBeGreaterThan(0);
    type P = { topic: string; brokerName: string; queueId: number; brokerOffset: number; consumerOffset: number };
    const pkey = (q: P) => `${q.topic} ${q.brokerName} ${q.queueId} ${q.brokerOffset} ${q.consumerOffset}`;
    expect(ndjson<P>(progress.stdout).filter((q) => q.topic === 'LabTopic').map(pkey).sort()).toEqual(rows.map(pkey).sort());
  });

  it('refuses changes and what only a console keeps, and names what is not there, by exit code', async () => {
    const change = await rmqc(['topics', 'upsert', 'XRmqcDirect', '--brokers', 'broker-a']);
    expect(change.code).toBe(2);
    expect(change.stderr).toContain('changes nothing');
    expect((await topicRoute('XRmqcDirect', LIVE, false).catch(() => undefined))?.queueDatas ?? []).toEqual([]);
    const history = await rmqc(['lag-history', group]);
    expect(history.code).toBe(2);
    expect(history.stderr).toContain('--url');
    const missing = await rmqc(['groups', 'progress', 'x_rmqc_no_such_group']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('x_rmqc_no_such_group');
  });
});
