import { describe, expect, it } from 'vitest';
import { liveConsole } from '../../../test-support/live-console';
import { brokerStatus, consumerConnection, consumerProgress } from '../../../test-support/mqadmin';
import { queryMsgByOffset } from '../../../test-support/mqadmin-messages';
import { startHttpReceivers, startSmtpReceiver } from '../../../test-support/receivers';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { produce } from '../../../test-support/producer';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import { getGroupDiagnosis } from '../groups/diagnosis';
import { previewRule, saveRule } from './manage';
import { listDeliveries, saveChannel } from './notify/manage';
import type { AlertRuleInput } from './schema';
import { listAlerts } from './view';

/**
 * Every rule kind on the real cluster, against mqadmin: lab_cg_dlq consumed its messages into the DLQ and left with
 * messages waiting (lag), so each kind fires for it; lab_cg_online is online and caught up, so none does. Then a
 * frozen broker: the group's figures are unknown, and the firing alert neither resolves nor reads 0.
 * FREEZES_WITHOUT_CLIENTS: this file reads no client, so it runs after the freezing files that do
 * (test-support/freezing-last-sequencer.ts).
 */
describe(`lag alerts live (${LIVE.version})`, () => {
  const { ctx, as, admin } = liveConsole({ requestTimeoutMs: 2000, fanOutDeadlineMs: 3000 });
  const scope = { groupPattern: 'lab_cg_*', forMs: 0, severity: 'critical' as const, enabled: true };
  const rules: AlertRuleInput[] = [
    { name: 'lag', kind: 'lag', threshold: 1, ...scope },
    { name: 'lag age', kind: 'lag-age', threshold: 1000, ...scope },
    { name: 'drain time', kind: 'drain-time', threshold: 60_000, ...scope },
    { name: 'no client', kind: 'no-client', threshold: 1, ...scope },
  ];

  async function evaluate() {
    const snapshot = await ctx.lag.refresh();
    await ctx.alerts.onSnapshot(snapshot);
    return { snapshot, page: await listAlerts(ctx) };
  }

  it('fires each kind for the group mqadmin shows waiting with no client, and none for the online caught-up group; a webhook and an email tell it', async () => {
    const http = await startHttpReceivers({ webhook: 'live-key', dingtalk: 'unused', feishu: 'unused' });
    const smtp = await startSmtpReceiver({ user: 'alerts', password: 'pw' });
    const common = { minSeverity: 'critical' as const, sendResolved: true, minIntervalMs: 0, enabled: true };
    await saveChannel(as('alice'), { name: 'hook', kind: 'webhook', url: http.url('webhook', '/live'), secret: 'live-key', ...common });
    await saveChannel(as('alice'), { name: 'mail', kind: 'email', email: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts', password: 'pw', from: 'rocketmq@example.org', to: ['oncall@example.org'] }, ...common });
    try {
      await firesEachKind();
      const dlq = await consumerProgress('lab_cg_dlq', undefined, false);
      const settled = async () => {
        for (const until = Date.now() + 30_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
          await ctx.alerts.dispatchDue();
          const { deliveries } = await listDeliveries(ctx, { limit: 10 });
          if (deliveries.length >= 2 && deliveries.every((d) => d.status === 'sent' || d.status === 'failed')) return deliveries;
        }
        return (await listDeliveries(ctx, { limit: 10 })).deliveries;
      };
      // one message per channel per evaluation (the second may join the first if it was not sent yet)
      const deliveries = await settled();
      expect(deliveries.map((d) => `${d.status} ${d.attempts}`)).toEqual(deliveries.map(() => 'sent 1'));
      expect(new Set(deliveries.map((d) => d.channelId)).size).toBe(2);
      expect(http.received.every((r) => r.refused === undefined)).toBe(true);
      // the lag alert once, with the lag mqadmin counts
      const hook = http.received.map((r) => r.json as { alerts: Array<{ kind: string; subject: string; value: number | null }> });
      const lagItems = hook.flatMap((h) => h.alerts).filter((a) => a.kind === 'lag' && a.subject === 'lab_cg_dlq');
      expect(lagItems.map((a) => a.value)).toEqual([dlq.diffTotal]);
      expect(smtp.mails.length).toBeGreaterThanOrEqual(1);
      const mail = smtp.mails.map((m) => m.text).join('\n');
      expect(mail).toContain('group lab_cg_dlq (');
      expect(mail).toContain(`lag ${dlq.diffTotal.toLocaleString('en-US')} (threshold 1)`);
    } finally {
      await http.close();
      await smtp.close();
    }
  });

  async function firesEachKind() {
    const ids = new Map<string, string>();
    for (const r of rules) ids.set(r.kind, (await saveRule(as('alice'), r)).id);
    // two snapshots: the drain rate needs the second
    await evaluate();
    const { snapshot, page } = await evaluate();
    const dlq = await consumerProgress('lab_cg_dlq', undefined, false);
    expect(dlq.diffTotal).toBeGreaterThan(0);
    await expect(consumerConnection('lab_cg_dlq', false)).rejects.toThrow();
    const of = (kind: string, group: string) => page.alerts.find((a) => a.ruleId === ids.get(kind) && a.subject === group);
    expect(of('lag', 'lab_cg_dlq')).toMatchObject({ phase: 'firing', value: dlq.diffTotal });
    expect(of('no-client', 'lab_cg_dlq')).toMatchObject({ phase: 'firing', value: 1 });
    // never drains: no client consumes, so the figure is "never", kept as no number
    expect(of('drain-time', 'lab_cg_dlq')).toMatchObject({ phase: 'firing', value: null });
    // the oldest unconsumed message: the earliest store time at the consumer offsets mqadmin prints, read with queryMsgByOffset
    const waiting = dlq.rows.filter((r) => r.diff > 0);
    const stored = await Promise.all(waiting.map(async (r) => (await queryMsgByOffset(r.topic, r.brokerName, r.queueId, r.consumerOffset)).storeTimestamp));
    const age = of('lag-age', 'lab_cg_dlq')!.value!;
    expect(Math.abs(age - (snapshot.asOf - Math.min(...stored)))).toBeLessThanOrEqual(1000);
    for (const kind of ids.keys()) expect(of(kind, 'lab_cg_online'), kind).toBeUndefined();
    expect((await consumerProgress('lab_cg_online', undefined, false)).diffTotal).toBe(0);
    // the preview says the same of the rule before it is saved
    const preview = await previewRule(ctx, rules[0]!);
    expect(preview.wouldFire.find((g) => g.subject === 'lab_cg_dlq')?.value).toBe(dlq.diffTotal);
    // the history has each transition once
    const events = await (await ctx.store()).alerts.events(ctx.name, { limit: 50, subject: 'lab_cg_dlq' });
    expect(events.filter((e) => e.ruleId === ids.get('lag')).map((e) => `${e.from}>${e.to}`)).toEqual(['inactive>firing']);
  }

  it('reads the broker kinds as mqadmin brokerStatus does: every process up, its commit-log disk ratio, each slave behind by no more than the offsets say', async () => {
    const broker = { forMs: 0, severity: 'critical' as const, enabled: true };
    const down = await saveRule(as('alice'), { name: 'broker down', kind: 'broker-down', threshold: 1, ...broker });
    const disk = await saveRule(as('alice'), { name: 'disk', kind: 'disk-ratio', threshold: 0, ...broker });
    const behind = await saveRule(as('alice'), { name: 'slave behind', kind: 'slave-behind', threshold: 0, brokerPattern: 'broker-a', ...broker });
    const { page } = await evaluate();
    const nodes = { 'broker-a/0': LIVE.brokerAMaster, 'broker-a/1': LIVE.brokerASlave, 'broker-b/0': LIVE.brokerBMaster };
    expect(page.alerts.filter((a) => a.ruleId === down.id)).toEqual([]);
    for (const [subject, addr] of Object.entries(nodes)) {
      const alert = page.alerts.find((a) => a.ruleId === disk.id && a.subject === subject);
      const theirs = Number((await brokerStatus(addr, false)).commitLogDiskRatio) * 100;
      expect(alert, subject).toMatchObject({ phase: 'firing' });
      expect(Math.abs(alert!.value! - theirs), subject).toBeLessThan(0.5);
    }
    // the slave's gap: at most what the two commit logs' max offsets differ by, read just after
    const lag = page.alerts.find((a) => a.ruleId === behind.id && a.subject === 'broker-a/1');
    expect(lag?.value).toBeGreaterThanOrEqual(0);
    const [master, slave] = await Promise.all([brokerStatus(LIVE.brokerAMaster, false), brokerStatus(LIVE.brokerASlave, false)]);
    expect(lag!.value!).toBeLessThanOrEqual(Math.max(0, Number(master.commitLogMaxOffset) - Number(slave.commitLogMaxOffset)) + 64 * 1024);
    expect(page.alerts.some((a) => a.ruleId === behind.id && a.subject.startsWith('broker-b'))).toBe(false);
  });

  it('fires broker-down for the broker that does not answer, keeps its disk ratio unknown rather than 0, and resolves once it answers again', async () => {
    const down = (await listRulesOf('broker-down'))!;
    const disk = (await listRulesOf('disk-ratio'))!;
    await withBrokerFrozen('broker-b-0', async () => {
      const { page } = await evaluate();
      expect(page.alerts.find((a) => a.ruleId === down && a.subject === 'broker-b/0')).toMatchObject({ phase: 'firing', value: 1 });
      expect(page.alerts.filter((a) => a.ruleId === down).map((a) => a.subject)).toEqual(['broker-b/0']);
      const diskAlert = page.alerts.find((a) => a.ruleId === disk && a.subject === 'broker-b/0')!;
      expect(diskAlert.phase).toBe('firing');
      expect(diskAlert.unknown?.reason).toContain('broker-b');
      await expect(brokerStatus(LIVE.brokerBMaster, false)).rejects.toThrow();
    });
    const { page } = await evaluate();
    expect(page.alerts.find((a) => a.ruleId === down && a.subject === 'broker-b/0')).toMatchObject({ phase: 'resolved' });
  });

  async function listRulesOf(kind: string): Promise<string | undefined> {
    return (await (await ctx.store()).alerts.rules(ctx.name)).find((r) => r.kind === kind)?.id;
  }

  it('keeps a firing alert firing, its figure unknown and the broker named, while a broker does not answer', async () => {
    const lagRule = (await listAlerts(ctx)).alerts.find((a) => a.kind === 'lag' && a.subject === 'lab_cg_dlq')!;
    expect(lagRule.phase).toBe('firing');
    await withBrokerFrozen('broker-b-0', async () => {
      const { page } = await evaluate();
      const alert = page.alerts.find((a) => a.ruleId === lagRule.ruleId && a.subject === 'lab_cg_dlq')!;
      expect(alert.phase).toBe('firing');
      expect(alert.value).toBe(lagRule.value);
      expect(alert.unknown?.reason).toContain('broker-b');
      expect(page.unknown.some((u) => u.subject === 'lab_cg_dlq' && u.reason.includes('broker-b'))).toBe(true);
    });
  });

  it('keeps slave-behind unknown (never 0) for a slave that stopped answering while its master took messages, fires broker-down for it, and the diagnosis of a group on that broker says it could not compare; all clear once it is back', async () => {
    const behind = (await listRulesOf('slave-behind'))!;
    const down = (await listRulesOf('broker-down'))!;
    // a topic on broker-a only: the e2e counts LabTopic's messages
    const topic = `LiveSlaveBehind_${Date.now().toString(36)}`;
    await updateAndCreateTopic(admin, LIVE.brokerAMaster, { topic, readQueueNums: 1, writeQueueNums: 1 });
    await withBrokerFrozen('broker-a-1', async () => {
      await produce(['--topic', topic, '--count', '5', '--extras', 'false', '--run', 'slave', '--cust-mod', '1']);
      const { page } = await evaluate();
      const alert = page.alerts.find((a) => a.ruleId === behind && a.subject === 'broker-a/1')!;
      expect(alert.phase).toBe('firing');
      expect(alert.unknown?.reason).toContain('broker-a');
      expect(page.unknown.some((u) => u.ruleId === behind && u.subject === 'broker-a/1')).toBe(true);
      expect(page.alerts.find((a) => a.ruleId === down && a.subject === 'broker-a/1')).toMatchObject({ phase: 'firing', value: 1 });
      // the master took the messages mqadmin counts; the slave's copy cannot be read
      expect(Number((await brokerStatus(LIVE.brokerAMaster, false)).commitLogMaxOffset)).toBeGreaterThan(0);
      const d = await getGroupDiagnosis(ctx, { group: 'lab_cg_dlq' });
      expect(d.unknown.find((u) => u.kind === 'replica-behind')?.reason).toContain('broker-a slave 1');
    });
    let page = (await evaluate()).page;
    for (const until = Date.now() + 60_000; Date.now() < until && page.alerts.find((a) => a.ruleId === down && a.subject === 'broker-a/1')?.phase !== 'resolved'; await new Promise((r) => setTimeout(r, 2000))) page = (await evaluate()).page;
    expect(page.alerts.find((a) => a.ruleId === down && a.subject === 'broker-a/1')?.phase).toBe('resolved');
    // caught up: the figure is known again, and no more than the offsets mqadmin reads differ by
    for (const until = Date.now() + 60_000; Date.now() < until && page.alerts.find((a) => a.ruleId === behind && a.subject === 'broker-a/1')?.unknown; await new Promise((r) => setTimeout(r, 2000))) page = (await evaluate()).page;
    const caughtUp = page.alerts.find((a) => a.ruleId === behind && a.subject === 'broker-a/1')!;
    expect(caughtUp.unknown).toBeUndefined();
    const [m, sl] = await Promise.all([brokerStatus(LIVE.brokerAMaster, false), brokerStatus(LIVE.brokerASlave, false)]);
    expect(caughtUp.value!).toBeLessThanOrEqual(Math.max(0, Number(m.commitLogMaxOffset) - Number(sl.commitLogMaxOffset)) + 64 * 1024);
    // the slave copies what it missed within seconds; until then its oldest missing message is from the freeze
    let d = await getGroupDiagnosis(ctx, { group: 'lab_cg_dlq' });
    for (const until = Date.now() + 60_000; Date.now() < until && d.causes.some((c) => c.kind === 'replica-behind'); d = await getGroupDiagnosis(ctx, { group: 'lab_cg_dlq' })) await new Promise((r) => setTimeout(r, 2000));
    expect(d.causes.filter((c) => c.kind === 'replica-behind'), JSON.stringify(d.causes)).toEqual([]);
  });
});
