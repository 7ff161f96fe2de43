/**
 * What each kind of receiver is sent: the same alerts, worst first, in the message format that receiver takes. The
 * generic webhook carries them as JSON with an HMAC-SHA256 signature over "<timestamp>.<body>"; Slack takes `text`
 * (mrkdwn), DingTalk and WeCom markdown, Feishu/Lark text; DingTalk and Feishu sign with the robot's secret as their
 * documentation says. A message lists LIST_LIMIT alerts and counts the rest, with a link to the alerts page.
 */
import { createHmac } from 'node:crypto';
import { SEVERITY_RANK, subjectPage } from '../rules';
import type { AlertChannel, Notification, NotificationItem } from './types';

export const LIST_LIMIT = 20;
export const SIGNATURE_HEADER = 'x-rocketmq-console-signature';
export const TIMESTAMP_HEADER = 'x-rocketmq-console-timestamp';

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface OutgoingMail {
  subject: string;
  text: string;
}

/** The page of an item's subject (subjectPage); a group's with the lag chart marked at the moment the alert fired. */
export function groupLink(consoleUrl: string, cluster: string, item: Pick<NotificationItem, 'subject' | 'firedAt' | 'at'> & { kind?: NotificationItem['kind'] }): string {
  const base = `${consoleUrl}/clusters/${encodeURIComponent(cluster)}`;
  const page = subjectPage(item.subject, item.kind);
  return page === 'group' ? `${base}/groups/${encodeURIComponent(item.subject)}?alertAt=${item.firedAt ?? item.at}` : `${base}/${page}`;
}

export function alertsLink(consoleUrl: string, cluster: string): string {
  return `${consoleUrl}/clusters/${encodeURIComponent(cluster)}/alerts`;
}

export function sortItems(items: readonly NotificationItem[]): NotificationItem[] {
  const figure = (i: NotificationItem) => (i.value === null ? Number.POSITIVE_INFINITY : i.value);
  return [...items].sort((a, b) => (a.phase === b.phase ? 0 : a.phase === 'firing' ? -1 : 1) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || figure(b) - figure(a) || a.subject.localeCompare(b.subject));
}

/** "lag 1,234 (threshold 1,000)", "lag age 5m 12s (threshold 5m)", "no online client", "down". */
export function describeFigure(i: Pick<NotificationItem, 'kind' | 'value' | 'threshold'>): string {
  if (i.kind === 'no-client') return 'no online client';
  if (i.kind === 'broker-down') return i.value === 0 ? 'answering again' : 'does not answer (down, frozen or unregistered)';
  const count = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });
  const formats: Record<Exclude<NotificationItem['kind'], 'no-client' | 'broker-down'>, [string, (v: number) => string]> = {
    lag: ['lag', count],
    'lag-age': ['lag age', duration],
    'drain-time': ['time to drain', duration],
    'failure-rate': ['consume failures', (v) => `${count(v)}/min`],
    'slave-behind': ['behind its master by', (v) => `${count(Math.round(v / 1024 / 1024))} MiB`],
    'disk-ratio': ['commit-log disk', (v) => `${v.toFixed(1)}%`],
  };
  const [label, format] = formats[i.kind];
  const value = i.value === null ? (i.kind === 'drain-time' ? 'never (nothing consumed)' : 'unknown') : format(i.value);
  return `${label} ${value} (threshold ${format(i.threshold)})`;
}

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${s % 60 ? ` ${s % 60}s` : ''}`;
  const h = Math.floor(m / 60);
  return `${h}h${m % 60 ? ` ${m % 60}m` : ''}`;
}

interface Summary {
  title: string;
  /** Every item, worst first. */
  items: NotificationItem[];
  listed: NotificationItem[];
  more: number;
  firing: number;
  resolved: number;
}

export function summarize(n: Notification): Summary {
  const items = sortItems(n.items);
  const firing = items.filter((i) => i.phase === 'firing').length;
  const resolved = items.length - firing;
  const listed = items.slice(0, LIST_LIMIT);
  const more = items.length - listed.length + n.omitted;
  const title = n.test
    ? `[test] RocketMQ console: notifications for cluster ${n.cluster} reach this channel`
    : `[${firing > 0 ? 'FIRING' : 'RESOLVED'}] ${n.cluster}: ${[firing > 0 ? `${firing} firing` : '', resolved > 0 ? `${resolved} resolved` : ''].filter(Boolean).join(', ')}${n.omitted > 0 ? ` (+${n.omitted} more)` : ''}`;
  return { title, items, listed, more, firing, resolved };
}

function line(consoleUrl: string, cluster: string, i: NotificationItem, link: (text: string, url: string) => string): string {
  const state = i.phase === 'firing' ? `${i.severity.toUpperCase()}` : 'RESOLVED';
  return `${state} ${i.ruleName}: ${subjectPage(i.subject, i.kind) === 'group' ? 'group' : 'broker'} ${link(i.subject, groupLink(consoleUrl, cluster, i))}, ${describeFigure(i)}${i.phase === 'firing' && i.note ? ` — ${i.note}` : ''}`;
}

/** Plain lines (email, Feishu text); markdown links for DingTalk/WeCom; Slack's <url|text>. */
function body(n: Notification, consoleUrl: string, style: 'plain' | 'markdown' | 'slack'): string {
  const s = summarize(n);
  const link = style === 'markdown' ? (t: string, u: string) => `[${t}](${u})` : style === 'slack' ? (t: string, u: string) => `<${u}|${t}>` : (t: string, u: string) => `${t} (${u})`;
  const bullet = style === 'plain' ? '' : '- ';
  const heading = style === 'markdown' ? `### ${s.title}` : style === 'slack' ? `*${s.title}*` : s.title;
  if (n.test) return [heading, '', `A test message sent from the console (${alertsLink(consoleUrl, n.cluster)}).`].join('\n');
  const lines = s.listed.map((i) => `${bullet}${line(consoleUrl, n.cluster, i, link)}`);
  if (s.more > 0) lines.push(`${bullet}and ${s.more} more: ${link('every alert', alertsLink(consoleUrl, n.cluster))}`);
  return [heading, '', ...lines].join('\n');
}

export function mailOf(n: Notification, consoleUrl: string): OutgoingMail {
  return { subject: summarize(n).title, text: body(n, consoleUrl, 'plain') };
}

/** The HTTP request for a channel of every kind but email; `now` stamps the signatures. */
export function requestOf(channel: AlertChannel, n: Notification, consoleUrl: string, now: number): OutgoingRequest {
  const url = channel.url!;
  const json = { 'content-type': 'application/json' };
  switch (channel.kind) {
    case 'webhook': {
      const s = summarize(n);
      const payload = JSON.stringify({
        source: 'rocketmq-console',
        cluster: n.cluster,
        title: s.title,
        test: Boolean(n.test),
        firing: s.firing,
        resolved: s.resolved,
        omitted: n.omitted,
        alertsUrl: alertsLink(consoleUrl, n.cluster),
        alerts: s.items.map((i) => ({ ...i, link: groupLink(consoleUrl, n.cluster, i) })),
      });
      const ts = String(now);
      const headers: Record<string, string> = { ...json, [TIMESTAMP_HEADER]: ts };
      if (channel.secret) headers[SIGNATURE_HEADER] = `sha256=${createHmac('sha256', channel.secret).update(`${ts}.${payload}`).digest('hex')}`;
      return { url, headers, body: payload };
    }
    case 'slack':
      return { url, headers: json, body: JSON.stringify({ text: body(n, consoleUrl, 'slack') }) };
    case 'dingtalk': {
      // DingTalk: sign = Base64(HmacSHA256(key = secret, "<timestamp ms>\n<secret>")), URL-encoded, as query parameters
      let target = url;
      if (channel.secret) {
        const sign = createHmac('sha256', channel.secret).update(`${now}\n${channel.secret}`).digest('base64');
        target += `${url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${encodeURIComponent(sign)}`;
      }
      return { url: target, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: summarize(n).title, text: body(n, consoleUrl, 'markdown') } }) };
    }
    case 'feishu': {
      // Feishu/Lark: sign = Base64(HmacSHA256(key = "<timestamp s>\n<secret>", empty message)), in the body
      const seconds = Math.floor(now / 1000);
      const signed = channel.secret ? { timestamp: String(seconds), sign: createHmac('sha256', `${seconds}\n${channel.secret}`).update('').digest('base64') } : {};
      return { url, headers: json, body: JSON.stringify({ ...signed, msg_type: 'text', content: { text: body(n, consoleUrl, 'plain') } }) };
    }
    case 'wecom': {
      // WeCom robots take at most 4,096 bytes of markdown
      let content = body(n, consoleUrl, 'markdown');
      while (Buffer.byteLength(content) > 4096) content = content.slice(0, content.lastIndexOf('\n'));
      return { url, headers: json, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
    }
    case 'email':
      throw new Error('an email channel has no HTTP request');
  }
}

/**
 * Why a receiver's answer is a failure, or undefined when it took the message. DingTalk, Feishu and WeCom answer
 * HTTP 200 with an error code in the body for a refused message (a wrong signature, a keyword missing, a rate limit).
 */
export function refusal(kind: AlertChannel['kind'], status: number, text: string): string | undefined {
  if (status < 200 || status >= 300) return `HTTP ${status}`;
  if (kind !== 'dingtalk' && kind !== 'feishu' && kind !== 'wecom') return undefined;
  let answer: { errcode?: unknown; errmsg?: unknown; code?: unknown; msg?: unknown; StatusCode?: unknown } = {};
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    return `the ${kind} robot answered something other than JSON`;
  }
  const code = kind === 'feishu' ? (answer.code ?? answer.StatusCode) : answer.errcode;
  if (code === 0 || code === '0') return undefined;
  const message = kind === 'feishu' ? answer.msg : answer.errmsg;
  return `the ${kind} robot refused it: code ${String(code)}${message ? ` (${String(message)})` : ''}`;
}
