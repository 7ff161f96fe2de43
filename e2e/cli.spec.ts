import { expect, test } from '@playwright/test';
import { clusterList, consumerProgress, topicRoute } from '../test-support/mqadmin';
import { sentMessages, sentOne } from '../test-support/mqadmin-messages';
import { offlineGroups } from '../test-support/offline-groups';
import { LIVE } from '../test-support/sandbox';
import { ndjson, runRmqc } from '../test-support/rmqc';
import { open } from './support';

// rmqc, the terminal command, run as an operator runs it (node bin/rmqc.mjs, no terminal on stdin) against the
// console these specs serve, with an API token of the signed-in admin: what it prints must be what mqadmin says,
// and its reset must be previewed, confirmed by the preview's digest, audited with channel cli, and undoable.
const c = LIVE.cluster;

function rmqc(baseURL: string, token: string, args: string[]) {
  return runRmqc(['--url', baseURL, '--token', token, '--cluster', c, ...args], 60_000);
}

test.describe.configure({ mode: 'serial' });

test.describe('rmqc, the terminal command', () => {
  let token = '';
  const groups = offlineGroups();
  const offlineGroup = groups.make;
  // the groups end with no lag (offlineGroups().drain)
  test.afterAll(async () => {
    await groups.drain();
  });
  test.beforeAll(async ({ request }) => {
    const made = await request.post('/api/auth/tokens', { data: { name: `e2e-rmqc-${Date.now().toString(36)}` } });
    expect(made.status(), await made.text()).toBe(200);
    token = (await made.json()).token;
  });

  test('prints brokers, a route and a group\'s progress as mqadmin does, and says what it cannot do by exit code', async ({ baseURL }) => {
    test.setTimeout(120_000);
    const brokers = await rmqc(baseURL!, token, ['brokers', '--ndjson']);
    expect(brokers.code, brokers.stderr).toBe(0);
    const printed = await clusterList();
    expect(printed.length).toBeGreaterThan(0);
    expect(ndjson<{ brokerName: string; addr: string; brokerId: number }>(brokers.stdout).map((b) => `${b.brokerName}/${b.brokerId}/${b.addr}`).sort())
      .toEqual(printed.map((b) => `${b.brokerName}/${b.brokerId}/${b.addr}`).sort());
    const table = await rmqc(baseURL!, token, ['brokers']);
    expect(table.stdout.split('\n')[0]).toMatch(/^CLUSTER\s+BROKER\s+ID\s+ADDR/);
    for (const b of printed) expect(table.stdout).toContain(b.addr);

    const route = await rmqc(baseURL!, token, ['topics', 'route', 'LabTopic', '--json']);
    expect(route.code, route.stderr).toBe(0);
    const theirs = await topicRoute('LabTopic', LIVE, false);
    expect(theirs.queueDatas.length).toBeGreaterThan(0);
    expect(JSON.parse(route.stdout).queues.map((q: { brokerName: string; readQueueNums: number; writeQueueNums: number; perm: number }) => `${q.brokerName} ${q.readQueueNums}/${q.writeQueueNums}/${q.perm}`).sort())
      .toEqual(theirs.queueDatas.map((q) => `${q.brokerName} ${q.readQueueNums}/${q.writeQueueNums}/${q.perm}`).sort());

    const group = `x_e2e_rmqc_read_${Date.now().toString(36)}`;
    await offlineGroup(group);
    const progress = await rmqc(baseURL!, token, ['groups', 'progress', group, '--ndjson']);
    expect(progress.code, progress.stderr).toBe(0);
    const mqadminRows = (await consumerProgress(group, 'LabTopic', false)).rows;
    expect(mqadminRows.length).toBeGreaterThan(0);
    const key = (q: { topic: string; brokerName: string; queueId: number; brokerOffset: number; consumerOffset: number }) => `${q.topic} ${q.brokerName} ${q.queueId} ${q.brokerOffset} ${q.consumerOffset}`;
    expect(ndjson<Parameters<typeof key>[0]>(progress.stdout).filter((q) => q.topic === 'LabTopic').map(key).sort()).toEqual(mqadminRows.map(key).sort());

    // the range scan streams every message the official producer says it sent to LabTopic
    const sent = sentMessages(LIVE.dir).filter((m) => m.kind !== 'order');
    expect(sent.length).toBeGreaterThan(0);
    // the sandbox is seeded when the run starts, well within the day
    const scan = await rmqc(baseURL!, token, ['scan', 'LabTopic', '--begin', '-1d', '--limit', '10000', '--ndjson']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(scan.stderr).toMatch(/^complete: \d+ of \d+ messages in range/);
    const scanned = new Set(ndjson<{ msgId: string }>(scan.stdout).map((m) => m.msgId));
    expect(sent.filter((m) => !scanned.has(m.msgId)).map((m) => m.msgId)).toEqual([]);

    const missing = await rmqc(baseURL!, token, ['groups', 'progress', 'x_no_such_group_rmqc']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('x_no_such_group_rmqc');
    const refused = await rmqc(baseURL!, 'rmqc_not_a_token', ['brokers']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/token|sign in/i);
    const bad = await rmqc(baseURL!, token, ['lag-history', group, '--range', '2y']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('range');
  });

  test('a reset through rmqc is previewed, applied only with the digest it showed, audited as cli, and undone', async ({ baseURL, page }) => {
    test.setTimeout(150_000);
    const group = `x_e2e_rmqc_${Date.now().toString(36)}`;
    const middle = await offlineGroup(group);
    const reset = ['reset', group, '--topic', 'LabTopic', '--earliest'];
    // no terminal to type the group name on: the preview, its digest, and no change
    const asked = await rmqc(baseURL!, token, reset);
    expect(asked.code).toBe(2);
    const digest = /preview ([0-9a-f]{12}) \(expires/.exec(asked.stdout)?.[1];
    expect(digest, asked.stdout).toBeDefined();
    expect(asked.stdout).toMatch(/TOPIC\s+BROKER\s+QUEUE\s+CURRENT\s+TARGET\s+DELTA/);
    expect(asked.stderr).toContain(`--yes --expect-preview ${digest}`);
    const script = await rmqc(baseURL!, token, [...reset, '--json']);
    const { preview } = JSON.parse(script.stdout) as { preview: { queues: Array<{ brokerName: string; queueId: number; targetOffset: number; currentOffset: number }> } };
    expect(preview.queues.length).toBe(middle.size);
    for (const q of preview.queues) expect(q.currentOffset).toBe(middle.get(`${q.brokerName}/${q.queueId}`));

    expect((await rmqc(baseURL!, token, [...reset, '--yes'])).code).toBe(2);
    const other = await rmqc(baseURL!, token, [...reset, '--yes', '--expect-preview', '000000000000']);
    expect(other.code).toBe(5);
    expect(other.stderr).toContain(`the preview is now ${digest}`);
    expect((await consumerProgress(group, 'LabTopic', false)).rows.every((r) => r.consumerOffset === middle.get(`${r.brokerName}/${r.queueId}`))).toBe(true);

    const applied = await rmqc(baseURL!, token, [...reset, '--yes', '--expect-preview', digest!]);
    expect(applied.code, applied.stderr).toBe(0);
    const auditId = Number(/audit entry #(\d+)/.exec(applied.stdout)?.[1]);
    expect(auditId).toBeGreaterThan(0);
    const target = new Map(preview.queues.map((q) => [`${q.brokerName}/${q.queueId}`, q.targetOffset]));
    const after = (await consumerProgress(group, 'LabTopic', false)).rows;
    expect(after.length).toBe(middle.size);
    for (const r of after) expect(r.consumerOffset).toBe(target.get(`${r.brokerName}/${r.queueId}`));

    // the web's audit log names the admin and the channel
    await open(page, `/clusters/${c}/audit?group=${group}`);
    const row = page.getByTestId('audit-row').filter({ hasText: String(auditId) }).first();
    await expect(row).toContainText('admin');
    await expect(row.getByTestId('audit-channel')).toHaveText('(cli)');
    const listed = await rmqc(baseURL!, token, ['audit', '--group', group, '--ndjson']);
    expect(ndjson<{ auditId: number; channel: string; actor: string }>(listed.stdout)).toEqual([expect.objectContaining({ auditId, channel: 'cli', actor: 'admin' })]);

    // undo puts the offsets back, previewed and confirmed the same way
    const undoAsked = await rmqc(baseURL!, token, ['undo', String(auditId), '--json']);
    expect(undoAsked.code).toBe(2);
    const undoDigest = JSON.parse(undoAsked.stdout).digest as string;
    const undone = await rmqc(baseURL!, token, ['undo', String(auditId), '--yes', '--expect-preview', undoDigest]);
    expect(undone.code, undone.stderr).toBe(0);
    for (const r of (await consumerProgress(group, 'LabTopic', false)).rows) expect(r.consumerOffset).toBe(middle.get(`${r.brokerName}/${r.queueId}`));
  });

  test('a topic change through rmqc is planned, applied with its digest as mqadmin then shows it, undone, and deleted', async ({ baseURL }) => {
    test.setTimeout(150_000);
    const topic = `E2eRmqc${Date.now().toString(36)}`;
    const digestOf = async (args: string[]) => {
      const shown = await rmqc(baseURL!, token, [...args, '--json']);
      expect(shown.code, shown.stderr).toBe(2);
      return JSON.parse(shown.stdout).digest as string;
    };
    const apply = async (args: string[]) => {
      const ran = await rmqc(baseURL!, token, [...args, '--yes', '--expect-preview', await digestOf(args)]);
      expect(ran.code, ran.stderr).toBe(0);
      return Number(/audit entry #(\d+)/.exec(ran.stdout)?.[1]);
    };
    const queues = async () => (await topicRoute(topic, LIVE, false)).queueDatas.map((q) => `${q.brokerName} ${q.readQueueNums}/${q.writeQueueNums}`).sort();
    await apply(['topics', 'upsert', topic, '--brokers', 'broker-a,broker-b', '--read-queues', '4', '--write-queues', '4']);
    expect(await queues()).toEqual(['broker-a 4/4', 'broker-b 4/4']);
    const grown = await apply(['topics', 'upsert', topic, '--brokers', 'broker-a,broker-b', '--read-queues', '6', '--write-queues', '6']);
    expect(await queues()).toEqual(['broker-a 6/6', 'broker-b 6/6']);
    const listed = await rmqc(baseURL!, token, ['audit', '--topic', topic, '--ndjson']);
    expect(ndjson<{ action: string; channel: string }>(listed.stdout).map((e) => `${e.action} ${e.channel}`)).toEqual(['topic.upsert cli', 'topic.upsert cli']);
    await apply(['undo', String(grown)]);
    expect(await queues()).toEqual(['broker-a 4/4', 'broker-b 4/4']);
    const stale = await rmqc(baseURL!, token, ['topics', 'delete', topic, '--yes', '--expect-preview', 'ffffffffffff']);
    expect(stale.code).toBe(5);
    await apply(['topics', 'delete', topic]);
    await expect.poll(async () => (await rmqc(baseURL!, token, ['topics', 'route', topic])).code).toBe(4);
  });

  test('a resend through rmqc hands the message to the online client and is audited as cli', async ({ baseURL }) => {
    const sent = sentOne('normal', () => true, LIVE);
    const ran = await rmqc(baseURL!, token, ['resend', sent.msgId, '--group', 'lab_cg_online', '--topic', 'LabTopic', '--yes', '--json']);
    expect(ran.code, ran.stderr).toBe(0);
    const { result } = JSON.parse(ran.stdout) as { result: { status: string; auditId: number; result?: { consumeResult?: string } } };
    expect(result).toMatchObject({ status: 'completed', result: { consumeResult: 'CR_SUCCESS' } });
    const listed = await rmqc(baseURL!, token, ['audit', '--action', 'resend-message', '--ndjson']);
    expect(ndjson<{ auditId: number; channel: string }>(listed.stdout).find((e) => e.auditId === result.auditId)).toMatchObject({ channel: 'cli' });
    const offline = await rmqc(baseURL!, token, ['resend', sent.msgId, '--group', 'lab_cg_cluster', '--topic', 'LabTopic', '--yes']);
    expect(offline.code).toBe(5);
    expect(offline.stderr).toContain('no online client');
  });
});
