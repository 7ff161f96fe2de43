import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceivers, startSmtpReceiver, type HttpReceivers, type SmtpReceiver } from '../../../../test-support/receivers';
import { createLog } from '../../core/log';
import { openStore, type Store } from '../../store';
import { AlertEngine } from '../engine';
import { evaluate, type AlertStates } from '../evaluate';
import type { AlertRule, Observation } from '../rules';
import { Notifier } from './dispatch';
import { LIST_LIMIT } from './format';
import type { AlertChannel, Delivery } from './types';

/**
 * Notifications end to end against real receivers on loopback: each HTTP kind checked by a receiver that verifies
 * it as the real one does (signatures computed independently), email through an SMTP server with a login; retries,
 * refusals, storms, silences, channel filters, and two console processes sending each message once.
 */
const log = createLog('silent');
const secrets = { webhook: 'wh-secret', dingtalk: 'SEC-ding', feishu: 'feishu-secret' };
const CONSOLE = 'https://console.example:8443';
const lagRule: AlertRule = { id: 'lag100', name: 'lag over 100', kind: 'lag', threshold: 100, forMs: 0, severity: 'critical', enabled: true, note: 'call the payments team' };
const warnRule: AlertRule = { id: 'lag50', name: 'lag over 50', kind: 'lag', threshold: 50, forMs: 0, severity: 'warning', enabled: true };
const lagOf = (group: string, value: number): Observation => ({ kind: 'lag', cluster: 'c', subject: group, value, topics: ['Pay'] });

let http: HttpReceivers;
let smtp: SmtpReceiver;
beforeAll(async () => {
  http = await startHttpReceivers(secrets);
  smtp = await startSmtpReceiver({ user: 'alerts', password: 'mail-pw' });
});
afterAll(async () => {
  await http.close();
  await smtp.close();
});

describe('alert notifications to real receivers', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
    http.received.splice(0);
    smtp.mails.splice(0);
  });

  async function setup(channels: AlertChannel[], retryDelaysMs: number[] = [20, 20, 20, 20]) {
    const store = await openStore({ sqlitePath: ':memory:' });
    stores.push(store);
    for (const r of [lagRule, warnRule]) await store.alerts.putRule('c', r, 'test', 0);
    for (const c of channels) await store.notify.putChannel('c', c, 'test', 0);
    const notifier = new Notifier('c', async () => store, { consoleUrl: CONSOLE, holder: 'me', retryDelaysMs }, log);
    let states: AlertStates = new Map();
    /** One evaluation of the two rules on these figures, its messages queued. */
    const evaluation = async (observations: Observation[], now: number) => {
      const e = evaluate([lagRule, warnRule], observations, states, now);
      states = e.states;
      await notifier.enqueue(e, [lagRule, warnRule], now);
      return e;
    };
    /** Sends until nothing is queued or in flight (retries included). */
    const drain = async (): Promise<Delivery[]> => {
      for (let i = 0; i < 100; i++) {
        await notifier.dispatchDue();
        const all = await store.notify.deliveries('c', { limit: 200 });
        if (all.every((d) => d.status === 'sent' || d.status === 'failed')) return all;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('deliveries did not settle');
    };
    return { store, notifier, evaluation, drain };
  }

  const channel = (id: string, kind: AlertChannel['kind'], over: Partial<AlertChannel> = {}): AlertChannel => ({
    id,
    name: id,
    kind,
    ...(kind === 'email' ? {} : { url: http.url(kind, `/${id}`) }),
    ...(kind === 'webhook' ? { secret: secrets.webhook } : kind === 'dingtalk' ? { secret: secrets.dingtalk } : kind === 'feishu' ? { secret: secrets.feishu } : {}),
    minSeverity: 'warning',
    sendResolved: true,
    minIntervalMs: 0,
    enabled: true,
    ...over,
  });

  it('sends a firing alert to every kind of receiver in its format, signed where the receiver checks, linking the group page at the moment it fired', async () => {
    const email = channel('mail', 'email', { email: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts', password: 'mail-pw', from: 'console@example.org', to: ['oncall@example.org', 'lead@example.org'] } });
    const { evaluation, drain } = await setup([channel('wh', 'webhook'), channel('sl', 'slack'), channel('dt', 'dingtalk'), channel('fs', 'feishu'), channel('wc', 'wecom'), email]);
    const firedAt = Date.now();
    await evaluation([lagOf('pay_cg', 1234)], firedAt);
    const deliveries = await drain();
    expect(deliveries.map((d) => `${d.channelId} ${d.status} ${d.attempts}`).sort()).toEqual(['dt sent 1', 'fs sent 1', 'mail sent 1', 'sl sent 1', 'wc sent 1', 'wh sent 1']);
    expect(http.received.map((r) => `${r.kind} ${r.refused ?? 'accepted'}`).sort()).toEqual(['dingtalk accepted', 'feishu accepted', 'slack accepted', 'webhook accepted', 'wecom accepted']);
    const link = `${CONSOLE}/clusters/c/groups/pay_cg?alertAt=${firedAt}`;
    const wh = http.received.find((r) => r.kind === 'webhook')!.json as { alerts: Array<Record<string, unknown>>; firing: number };
    expect(wh.firing).toBe(2);
    expect(wh.alerts.map((a) => [a.ruleId, a.severity, a.subject, a.value, a.link])).toEqual([
      ['lag100', 'critical', 'pay_cg', 1234, link],
      ['lag50', 'warning', 'pay_cg', 1234, link],
    ]);
    const slack = String(http.received.find((r) => r.kind === 'slack')!.json.text);
    expect(slack).toContain(`<${link}|pay_cg>`);
    expect(slack).toContain('lag 1,234 (threshold 100) — call the payments team');
    expect(String((http.received.find((r) => r.kind === 'dingtalk')!.json.markdown as { text: string }).text)).toContain(`[pay_cg](${link})`);
    expect(String((http.received.find((r) => r.kind === 'feishu')!.json.content as { text: string }).text)).toContain(`pay_cg (${link})`);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ from: 'console@example.org', to: ['oncall@example.org', 'lead@example.org'], user: 'alerts', subject: '[FIRING] c: 2 firing' });
    expect(smtp.mails[0]!.text).toContain(link);
    // the receiver's answer is recorded
    expect(deliveries.find((d) => d.channelId === 'dt')!.lastAnswer).toBe('HTTP 200 {"errcode":0,"errmsg":"ok"}');
    expect(deliveries.find((d) => d.channelId === 'mail')!.lastAnswer).toMatch(/^250/);
  });

  it('retries a receiver that is down with backoff and records each attempt; a 404, a robot refusing the signature and a wrong SMTP password end as failed with the answer', async () => {
    const badMail = channel('mail', 'email', { email: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'alerts', password: 'wrong', from: 'console@example.org', to: ['oncall@example.org'] } });
    const { evaluation, drain } = await setup([channel('down', 'webhook'), channel('gone', 'slack', { url: http.url('webhook', '/../nope').replace('/webhook/../nope', '/nope') }), channel('dt', 'dingtalk', { secret: 'not-the-robots' }), badMail]);
    http.failNext('/webhook/down', 2, 503);
    await evaluation([lagOf('pay_cg', 500)], Date.now());
    const deliveries = await drain();
    const by = (id: string) => deliveries.find((d) => d.channelId === id)!;
    expect(by('down')).toMatchObject({ status: 'sent', attempts: 3, lastAnswer: 'HTTP 200 {"received":true}' });
    expect(http.received.filter((r) => r.path === '/webhook/down').map((r) => r.refused ?? 'accepted')).toEqual(['HTTP 503', 'HTTP 503', 'accepted']);
    expect(by('gone')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'HTTP 404', lastAnswer: 'HTTP 404 no such robot' });
    // a robot's refusal may be its rate limit: tried again, then failed with its answer
    expect(by('dt')).toMatchObject({ status: 'failed', attempts: 5, lastError: 'the dingtalk robot refused it: code 310000 (sign not match)' });
    expect(by('mail').status).toBe('failed');
    expect(by('mail').lastError).toMatch(/Invalid (username or password|login)/i);
    expect(smtp.mails).toEqual([]);
  });

  it('sends a storm of 1,000 groups firing at once as one message per channel: the webhook carries all, chat messages list the worst 20 and count the rest', async () => {
    const { evaluation, drain } = await setup([channel('wh', 'webhook', { minSeverity: 'critical' }), channel('sl', 'slack', { minSeverity: 'critical' }), channel('wc', 'wecom', { minSeverity: 'critical' })]);
    await evaluation(
      Array.from({ length: 1000 }, (_, i) => lagOf(`g${String(i).padStart(4, '0')}`, 1000 + i)),
      Date.now(),
    );
    const deliveries = await drain();
    expect(deliveries.map((d) => `${d.channelId} ${d.status}`).sort()).toEqual(['sl sent', 'wc sent', 'wh sent']);
    expect(http.received).toHaveLength(3);
    const wh = http.received.find((r) => r.kind === 'webhook')!.json as { alerts: Array<{ subject: string }>; firing: number };
    expect(wh.firing).toBe(1000);
    expect(wh.alerts[0]!.subject).toBe('g0999');
    const slack = String(http.received.find((r) => r.kind === 'slack')!.json.text);
    expect(slack.split('\n').filter((l) => l.startsWith('- CRITICAL'))).toHaveLength(LIST_LIMIT);
    expect(slack).toContain(`and ${1000 - LIST_LIMIT} more: <${CONSOLE}/clusters/c/alerts|every alert>`);
    expect(slack.startsWith('*[FIRING] c: 1000 firing*')).toBe(true);
    expect(http.received.find((r) => r.kind === 'wecom')!.refused).toBeUndefined();
  });

  it('holds a channel to one message per minIntervalMs: what fires and resolves meanwhile joins the next message', async () => {
    const { store, notifier, evaluation } = await setup([channel('wh', 'webhook', { minIntervalMs: 60_000 })]);
    const t0 = Date.now();
    await evaluation([lagOf('a', 500)], t0);
    await notifier.dispatchDue(t0);
    expect(http.received).toHaveLength(1);
    await evaluation([lagOf('a', 10), lagOf('b', 500)], t0 + 1000);
    await evaluation([lagOf('a', 10), lagOf('b', 500), lagOf('c', 700)], t0 + 2000);
    await notifier.dispatchDue(t0 + 30_000);
    expect(http.received).toHaveLength(1);
    await notifier.dispatchDue(t0 + 60_000);
    expect(http.received).toHaveLength(2);
    const second = http.received[1]!.json as { alerts: Array<{ subject: string; phase: string; ruleId: string }> };
    // firing first, then severity, then the figure
    expect(second.alerts.map((a) => `${a.ruleId} ${a.subject} ${a.phase}`)).toEqual(['lag100 c firing', 'lag100 b firing', 'lag50 c firing', 'lag50 b firing', 'lag100 a resolved', 'lag50 a resolved']);
    expect((await store.notify.deliveries('c', { limit: 10 })).map((d) => d.status)).toEqual(['sent', 'sent']);
  });

  it('leaves out silenced alerts, alerts under the channel severity, other rules, and resolutions when the channel does not want them', async () => {
    const { store, evaluation, drain } = await setup([channel('crit', 'webhook', { minSeverity: 'critical', sendResolved: false }), channel('only50', 'webhook', { ruleIds: ['lag50'] })]);
    await store.alerts.addSilence({ cluster: 'c', subjectPattern: 'quiet_*', endsAt: Date.now() + 600_000, reason: 'deploy', createdBy: 'alice', createdAt: Date.now() });
    const t0 = Date.now();
    await evaluation([lagOf('pay', 500), lagOf('quiet_cg', 500)], t0);
    await drain();
    await evaluation([lagOf('pay', 10), lagOf('quiet_cg', 10)], t0 + 1000);
    await drain();
    const got = (path: string) => http.received.filter((r) => r.path === path).map((r) => (r.json as { alerts: Array<{ ruleId: string; subject: string; phase: string }> }).alerts.map((a) => `${a.ruleId} ${a.subject} ${a.phase}`));
    expect(got('/webhook/crit')).toEqual([['lag100 pay firing']]);
    expect(got('/webhook/only50')).toEqual([['lag50 pay firing'], ['lag50 pay resolved']]);
  });

  it('sends a test message at once whatever the filters, and says how it went', async () => {
    const { notifier } = await setup([channel('wh', 'webhook', { minSeverity: 'critical', enabled: false }), channel('dt', 'dingtalk', { secret: 'wrong' })]);
    const ok = await notifier.sendTest('wh');
    expect(ok).toMatchObject({ status: 'sent', test: true, attempts: 1 });
    expect((http.received[0]!.json as { test: boolean; title: string }).title).toBe('[test] RocketMQ console: notifications for cluster c reach this channel');
    const refused = await notifier.sendTest('dt');
    expect(refused).toMatchObject({ status: 'failed', attempts: 1, lastError: 'the dingtalk robot refused it: code 310000 (sign not match)' });
  });

  it('sends each message once when two console processes share the store: the lease holder queues it, one claim sends it', async () => {
    const file = `/tmp/notify-${process.pid}-${Date.now()}.db`;
    const [sa, sb] = [await openStore({ sqlitePath: file }), await openStore({ sqlitePath: file })];
    stores.push(sa, sb);
    await sa.alerts.putRule('c', lagRule, 'test', 0);
    await sa.notify.putChannel('c', channel('wh', 'webhook'), 'test', 0);
    const a = new AlertEngine('c', async () => sa, { leaseTtlMs: 60_000, notify: { consoleUrl: CONSOLE } }, log);
    const b = new AlertEngine('c', async () => sb, { leaseTtlMs: 60_000, notify: { consoleUrl: CONSOLE } }, log);
    const snapshot = (asOf: number, lag: number) => ({ asOf, groups: [{ group: 'pay_cg', brokers: ['broker-a'], system: false, orderly: false, clients: 1, lag, consumeTps: 0, topics: ['Pay'] }] });
    const t0 = Date.now();
    await Promise.all([a.onSnapshot(snapshot(t0, 500), t0), b.onSnapshot(snapshot(t0, 500), t0)]);
    await Promise.all([a.notifier.dispatchDue(), b.notifier.dispatchDue(), a.notifier.dispatchDue(), b.notifier.dispatchDue()]);
    for (let i = 0; i < 40 && http.received.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 200));
    expect(http.received.map((r) => r.refused ?? 'accepted')).toEqual(['accepted']);
    expect((await sa.notify.deliveries('c', { limit: 10 })).map((d) => `${d.status} ${d.attempts}`)).toEqual(['sent 1']);
  });
});
