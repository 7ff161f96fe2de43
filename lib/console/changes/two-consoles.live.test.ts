import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole } from '../../../test-support/console-server';
import { consumerConfig, consumerProgress, topicRoute } from '../../../test-support/mqadmin';
import { postgresSchemaDatabase, type TestDatabase } from '../../../test-support/databases';
import { offlineGroupWithOffsets } from '../../../test-support/reset';
import { DEFAULT_PORTS, LIVE, testPort } from '../../../test-support/sandbox';
import { applyAnyChange, previewAnyChange } from '../change-kinds';
import { createConsole, type Console } from '../console';
import { readSettings } from '../core/config';
import type { ChangeContext } from '../context';
import { applyReset } from '../reset/apply';
import { previewReset } from '../reset/preview';

async function postJson<T>(url: string, body: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(url).origin }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

const key = (r: { brokerName: string; queueId: number }) => `${r.brokerName}/${r.queueId}`;

// Two console processes on one PostgreSQL (next start twice; then, for the finer cases, two composition roots in this
// process, which share nothing but the database either): the change lock lives in the database, so a change of a
// target runs in one of them only, whether both run the same kind of change or one resets the group's offsets while
// the other edits the group.
describe(`two consoles on one PostgreSQL (${LIVE.version})`, () => {
  const url = process.env.LIVE_DATABASE_URL;
  let database: TestDatabase;
  let consoles: [Console, Console];
  const suffix = Date.now().toString(36);

  beforeAll(async () => {
    if (!url) throw new Error('LIVE_DATABASE_URL is not set: run the live suites through `npm test`, which starts PostgreSQL, or point it at one');
    database = await postgresSchemaDatabase(url);
    const settings = () =>
      readSettings({ NAMESRV_ADDR: LIVE.namesrv, CLUSTER_KEY: 'live', DATABASE_URL: database.options.databaseUrl!, LOG_LEVEL: 'silent', RMQ_REQUEST_TIMEOUT_MS: '3000' });
    // each pauses between its audit write and its first broker call, so the two applies overlap
    consoles = [createConsole(settings(), { testHooks: { pauseAfterAuditMs: 1500 } }), createConsole(settings(), { testHooks: { pauseAfterAuditMs: 1500 } })];
  });
  afterAll(async () => {
    if (consoles) await Promise.all(consoles.map((c) => c.close()));
    if (database) await database.drop();
  });
  const as = (i: 0 | 1, user: string): ChangeContext => ({ ...consoles[i].cluster('live'), actor: { user, channel: 'ui' } });

  it('two console processes (next start) on the database: of two applies of one topic change at once, exactly one runs', async () => {
    const ports = LIVE.isV5 ? DEFAULT_PORTS.raceConsoles.v5 : DEFAULT_PORTS.raceConsoles.v4;
    const env = { DATABASE_URL: database.options.databaseUrl!, CONSOLE_BACKGROUND: 'off', CONSOLE_TEST_PAUSE_AFTER_AUDIT_MS: '1500' };
    const servers = await Promise.all(ports.map((port) => startConsole(LIVE.namesrv, testPort(port), env)));
    try {
      const topic = `TwoProcesses_${suffix}`;
      const request = { topic, brokerNames: ['broker-a'], readQueueNums: 3, writeQueueNums: 3 };
      const plans = await Promise.all(servers.map((s) => postJson<{ previewId: string }>(`${s.url}/api/clusters/default/changes/preview`, { action: 'topic.upsert', request })));
      // a failure says what each console answered and logged (CI once saw 500 from both and nothing more)
      const told = (answers: Array<{ status: number; body: unknown }>) =>
        `answers ${JSON.stringify(answers)}\n${servers.map((s, i) => `console ${i} printed:\n${s.output().slice(-4000)}`).join('\n')}`;
      expect(plans.map((p) => p.status), told(plans)).toEqual([200, 200]);
      const applied = await Promise.all(servers.map((s, i) => postJson<{ status?: string; error?: { code: string; message: string } }>(`${s.url}/api/clusters/default/changes`, { previewId: plans[i]!.body.previewId, confirm: true })));
      expect(applied.map((a) => a.status).sort(), told(applied)).toEqual([200, 409]);
      const refused = applied.find((a) => a.status === 409)!.body;
      expect(refused).toMatchObject({ error: { code: 'change_running' } });
      expect(JSON.stringify(refused)).toContain(`another change of topic ${topic} is running`);
      expect(applied.find((a) => a.status === 200)!.body.status).toBe('completed');
      await expect.poll(async () => (await topicRoute(topic, LIVE, false)).queueDatas.map((q) => [q.brokerName, q.readQueueNums, q.writeQueueNums]), { timeout: 15_000 }).toEqual([['broker-a', 3, 3]]);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  });

  it('runs exactly one of two creations of one group applied at once; the other is told who runs it', async () => {
    const group = `two_consoles_${suffix}`;
    const request = { group, clusterName: 'DefaultCluster', retryMaxTimes: 3 };
    const [p1, p2] = await Promise.all(consoles.map((c) => previewAnyChange(c.cluster('live'), { action: 'group.upsert', request })));
    const outcomes = await Promise.allSettled([applyAnyChange(as(0, 'one'), { previewId: p1!.previewId, confirm: true }), applyAnyChange(as(1, 'two'), { previewId: p2!.previewId, confirm: true })]);
    const ran = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { status: number; code: string; message: string }] : []));
    expect(ran.map((r) => r.status)).toEqual(['completed']);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ status: 409, code: 'change_running' });
    // one audit entry in the shared store, seen alike from both consoles; the refusal names its actor
    for (const c of consoles) {
      const { items } = await (await c.cluster('live').store()).audit.list({ cluster: 'live', targetName: group, limit: 10, offset: 0 });
      expect(items.map((e) => [e.id, e.action, e.outcome?.status])).toEqual([[ran[0]!.auditId, 'group.upsert', 'completed']]);
      // refused when the lock was taken, possibly before the runner had written its audit entry
      expect(refused[0]!.message).toMatch(new RegExp(`^another change of group ${group} is running \\(by ${items[0]!.actor}(, audit #${ran[0]!.auditId})?, since `));
    }
    const blocks = await consumerConfig(group);
    expect(blocks.map((b) => b.retryMaxTimes)).toEqual(['3', '3']);
  });

  it('refuses a reset of a group in one console while the other changes that group, then runs it once the first is done', async () => {
    const group = `two_consoles_reset_${suffix}`;
    const original = await offlineGroupWithOffsets(consoles[0].cluster('live').admin, group);
    const edit = await previewAnyChange(consoles[0].cluster('live'), { action: 'group.upsert', request: { group, clusterName: 'DefaultCluster', retryMaxTimes: 7 } });
    const reset = await previewReset(consoles[1].cluster('live'), { group, topic: 'LabTopic', mode: 'earliest' });
    const editing = applyAnyChange(as(0, 'one'), { previewId: edit.previewId, confirm: edit.typedConfirmation ? group : true });
    await new Promise((r) => setTimeout(r, 500));
    const refused = await applyReset(as(1, 'two'), { group, previewId: reset.previewId, confirm: group }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 409, code: 'change_running', message: expect.stringMatching(/another change of group .* is running \(by one, audit #\d+/) });
    expect((await editing).status).toBe('completed');
    // the reset changed nothing while refused
    const offsets = async () => new Map((await consumerProgress(group, 'LabTopic', false)).rows.map((r) => [key(r), r.consumerOffset]));
    expect(await offsets()).toEqual(original);
    // the lock is released: the same preview now runs
    expect((await applyReset(as(1, 'two'), { group, previewId: reset.previewId, confirm: group })).status).toBe('completed');
    expect(await offsets()).toEqual(new Map(reset.queues.map((q) => [key(q), q.targetOffset])));
    expect(reset.totals.replay).toBeGreaterThan(0);
  });
});
