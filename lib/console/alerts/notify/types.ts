/**
 * Where alerts are sent (channels) and what is sent (notifications). A notification gathers every alert that fired
 * or resolved in one evaluation for one channel, so a storm of a thousand groups crossing a threshold at once is one
 * message listing the worst of them, not a thousand messages.
 */
import type { AlertKind, AlertSeverity } from '../rules';

export const CHANNEL_KINDS = ['webhook', 'slack', 'dingtalk', 'feishu', 'wecom', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export interface EmailSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  to: string[];
}

export interface AlertChannel {
  id: string;
  name: string;
  kind: ChannelKind;
  /** The receiver's URL (every kind but email). */
  url?: string;
  /**
   * webhook: the HMAC-SHA256 key of the signature header; dingtalk and feishu: the robot's signing secret. Never
   * returned by the API.
   */
  secret?: string;
  email?: EmailSettings;
  /** Alerts of this severity or worse. */
  minSeverity: AlertSeverity;
  /** Only these rules; every rule when absent. */
  ruleIds?: string[];
  /** Also say when an alert resolves. */
  sendResolved: boolean;
  /** At most one message per this many ms: what comes sooner waits and joins the next message. */
  minIntervalMs: number;
  enabled: boolean;
}

/** A channel as the API shows it: the secret and SMTP password replaced by whether they are set. */
export type ChannelView = Omit<AlertChannel, 'secret' | 'email'> & { secretSet: boolean; email?: Omit<EmailSettings, 'password'> & { passwordSet: boolean } };

export function channelView(c: AlertChannel): ChannelView {
  const { secret, email, ...rest } = c;
  return {
    ...rest,
    secretSet: Boolean(secret),
    ...(email ? { email: { host: email.host, port: email.port, secure: email.secure, from: email.from, to: email.to, ...(email.user ? { user: email.user } : {}), passwordSet: Boolean(email.password) } } : {}),
  };
}

export interface NotificationItem {
  ruleId: string;
  ruleName: string;
  kind: AlertKind;
  severity: AlertSeverity;
  /** The group. */
  subject: string;
  phase: 'firing' | 'resolved';
  /** When it fired (resolved items too: the episode they end). */
  firedAt?: number;
  at: number;
  /** The figure when it changed phase; null for a drain that never ends. */
  value: number | null;
  threshold: number;
  note?: string;
}

export interface Notification {
  cluster: string;
  /** Worst first (firing before resolved, then severity, then figure). */
  items: NotificationItem[];
  /** Items left out of `items` to keep the stored message small. */
  omitted: number;
  /** A "send test" message: no alert behind it. */
  test?: boolean;
}

export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface Delivery {
  id: number;
  cluster: string;
  channelId: string;
  test: boolean;
  createdAt: number;
  dueAt: number;
  status: DeliveryStatus;
  attempts: number;
  notification: Notification;
  sentAt?: number;
  lastError?: string;
  /** The receiver's answer: HTTP status and body, or the SMTP server's reply. */
  lastAnswer?: string;
}
