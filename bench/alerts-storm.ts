/**
 * A notification storm (issue 14): 1,000 groups cross a lag threshold in one snapshot, with six channels (webhook,
 * Slack, DingTalk, Feishu, WeCom, email) on real receivers on loopback. The console sends one message per channel
 * for the whole evaluation (worst 20 listed, the rest counted; the webhook carries all), and a channel's
 * minIntervalMs holds the next storm back and merges it: figures are the messages each receiver got against the
 * 6,000 a message per alert would make, their sizes, and how long queueing and sending took.
 */
import { createLog } from '../lib/console/core/log';
import { Notifier } from '../lib/console/alerts/notify/dispatch';
import type { AlertChannel } from '../lib/console/alerts/notify/types';
import { evaluate, type AlertStates } from '../lib/console/alerts/evaluate';
import type { AlertRule, Observation } from '../lib/console/alerts/rules';
import { openStore } from '../lib/console/store';
import { startHttpReceivers, startSmtpReceiver } from '../test-support/receivers';

const GROUPS = 1000;
const INTERVAL_MS = 60_000;

export interface StormBench {
  groups: number;
  channels: number;
  messagesFirstStorm: number;
  messagesSecondStormBeforeInterval: number;
  messagesSecondStormAfterInterval: number;
  naiveMessages: number;
  largestMessageBytes: Record<string, number>;
  enqueueMs: number;
  sendMs: number;
  passed: boolean;
}

export async function alertsStormBench(): Promise<StormBench> {
  const secrets = { webhook: 'bench', dingtalk: 'bench-ding', feishu: 'bench-feishu' };
  const http = await startHttpReceivers(secrets);
  const smtp = await startSmtpReceiver({ user: 'bench', password: 'bench' });
  const store = await openStore({ sqlitePath: ':memory:' });
  try {
    const rule: AlertRule = { id: 'lag', name: 'lag over 1,000', kind: 'lag', threshold: 1000, forMs: 0, severity: 'critical', enabled: true };
    await store.alerts.putRule('bench', rule, 'bench', 0);
    const base = { minSeverity: 'warning' as const, sendResolved: true, minIntervalMs: INTERVAL_MS, enabled: true };
    const channels: AlertChannel[] = [
      { id: 'webhook', name: 'webhook', kind: 'webhook', url: http.url('webhook'), secret: secrets.webhook, ...base },
      { id: 'slack', name: 'slack', kind: 'slack', url: http.url('slack'), ...base },
      { id: 'dingtalk', name: 'dingtalk', kind: 'dingtalk', url: http.url('dingtalk'), secret: secrets.dingtalk, ...base },
      { id: 'feishu', name: 'feishu', kind: 'feishu', url: http.url('feishu'), secret: secrets.feishu, ...base },
      { id: 'wecom', name: 'wecom', kind: 'wecom', url: http.url('wecom'), ...base },
      { id: 'email', name: 'email', kind: 'email', email: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'bench', password: 'bench', from: 'bench@example.org', to: ['oncall@example.org'] }, ...base },
    ];
    for (const c of channels) await store.notify.putChannel('bench', c, 'bench', 0);
    const notifier = new Notifier('bench', async () => store, { consoleUrl: 'https://console.example', holder: 'bench' }, createLog('silent'));
    const figures = (offset: number, lag: (i: number) => number): Observation[] => Array.from({ length: GROUPS }, (_, i) => ({ kind: 'lag', cluster: 'bench', subject: `g${i + offset}`, value: lag(i), topics: ['T'] }));
    let states: AlertStates = new Map();
    const t0 = Date.now();
    const q0 = performance.now();
    const first = evaluate([rule], figures(0, (i) => 2000 + i), states, t0);
    states = first.states;
    await notifier.enqueue(first, [rule], t0);
    const enqueueMs = performance.now() - q0;
    const s0 = performance.now();
    await notifier.dispatchDue(t0);
    const sendMs = performance.now() - s0;
    const received = () => http.received.length + smtp.mails.length;
    const messagesFirstStorm = received();
    // 10 s on: those 1,000 resolve and 1,000 others fire; held by the interval, merged, sent once it has passed
    const second = evaluate([rule], [...figures(0, () => 10), ...figures(GROUPS, (i) => 5000 + i)], states, t0 + 10_000);
    await notifier.enqueue(second, [rule], t0 + 10_000);
    await notifier.dispatchDue(t0 + 30_000);
    const messagesSecondStormBeforeInterval = received() - messagesFirstStorm;
    await notifier.dispatchDue(t0 + INTERVAL_MS);
    const messagesSecondStormAfterInterval = received() - messagesFirstStorm;
    const largestMessageBytes: Record<string, number> = {};
    for (const r of http.received) largestMessageBytes[r.kind] = Math.max(largestMessageBytes[r.kind] ?? 0, Buffer.byteLength(r.body));
    largestMessageBytes.email = Math.max(0, ...smtp.mails.map((m) => Buffer.byteLength(m.raw)));
    const refused = http.received.filter((r) => r.refused).length;
    const result: StormBench = {
      groups: GROUPS,
      channels: channels.length,
      messagesFirstStorm,
      messagesSecondStormBeforeInterval,
      messagesSecondStormAfterInterval,
      naiveMessages: GROUPS * channels.length,
      largestMessageBytes,
      enqueueMs: Math.round(enqueueMs),
      sendMs: Math.round(sendMs),
      passed: refused === 0 && messagesFirstStorm === channels.length && messagesSecondStormBeforeInterval === 0 && messagesSecondStormAfterInterval === channels.length,
    };
    console.log(`\n== notification storm: ${GROUPS.toLocaleString('en')} groups fire at once, ${channels.length} channels on loopback receivers ==`);
    console.log(`messages: ${messagesFirstStorm} (one per channel) against ${result.naiveMessages.toLocaleString('en')} for a message per alert; queued in ${result.enqueueMs} ms, sent in ${result.sendMs} ms`);
    console.log(`next storm 10 s later (1,000 resolve, 1,000 more fire): ${messagesSecondStormBeforeInterval} messages before the ${INTERVAL_MS / 1000} s interval, ${messagesSecondStormAfterInterval} after it (merged)`);
    console.log(`largest message per receiver (bytes): ${Object.entries(largestMessageBytes).map(([k, v]) => `${k} ${v.toLocaleString('en')}`).join(', ')}; refused by a receiver: ${refused}`);
    console.log(`grouped and rate-limited: ${result.passed ? 'yes' : 'NO'}`);
    return result;
  } finally {
    await store.close();
    await http.close();
    await smtp.close();
  }
}
