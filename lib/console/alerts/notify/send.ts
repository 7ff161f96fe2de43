/**
 * Sends one message to one channel and says how it went: sent with the receiver's answer, or failed with the error,
 * the answer and whether trying again may help (a timeout, a 5xx or 429, a robot's refusal such as its rate limit;
 * not a 4xx, which the same message would get again).
 */
import nodemailer from 'nodemailer';
import { mailOf, refusal, requestOf } from './format';
import type { AlertChannel, Notification } from './types';

export type SendResult = { ok: true; answer: string } | { ok: false; error: string; answer?: string; retryable: boolean };

export const SEND_TIMEOUT_MS = 10_000;

export async function send(channel: AlertChannel, n: Notification, consoleUrl: string, now = Date.now()): Promise<SendResult> {
  return channel.kind === 'email' ? sendMail(channel, n, consoleUrl) : sendHttp(channel, n, consoleUrl, now);
}

async function sendHttp(channel: AlertChannel, n: Notification, consoleUrl: string, now: number): Promise<SendResult> {
  const request = requestOf(channel, n, consoleUrl, now);
  let response: Response;
  try {
    response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const message = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${SEND_TIMEOUT_MS / 1000} s` : `${error instanceof Error ? error.message : String(error)}${cause}`;
    return { ok: false, error: `POST ${redact(request.url)}: ${message}`, retryable: true };
  }
  const text = (await response.text().catch(() => '')).slice(0, 1000);
  const answer = `HTTP ${response.status}${text ? ` ${text}` : ''}`;
  const refused = refusal(channel.kind, response.status, text);
  if (!refused) return { ok: true, answer };
  const retryable = response.status >= 500 || response.status === 429 || (response.status >= 200 && response.status < 300);
  return { ok: false, error: refused, answer, retryable };
}

async function sendMail(channel: AlertChannel, n: Notification, consoleUrl: string): Promise<SendResult> {
  const email = channel.email!;
  const transport = nodemailer.createTransport({
    host: email.host,
    port: email.port,
    secure: email.secure,
    ...(email.user ? { auth: { user: email.user, pass: email.password ?? '' } } : {}),
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const mail = mailOf(n, consoleUrl);
    const info = await transport.sendMail({ from: email.from, to: email.to, subject: mail.subject, text: mail.text });
    return { ok: true, answer: String(info.response ?? '') };
  } catch (error) {
    const e = error as { message?: string; responseCode?: number; response?: string };
    // 5xx SMTP replies are permanent (a refused recipient, failed authentication); others may pass next time
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
    return { ok: false, error: `SMTP ${email.host}:${email.port}: ${e.message ?? String(error)}`, ...(e.response ? { answer: e.response } : {}), retryable: !permanent };
  } finally {
    transport.close();
  }
}

/** A URL as errors show it: robots carry their token in the path (Slack) or the query (DingTalk, WeCom). */
export function redact(url: string): string {
  try {
    return `${new URL(url).origin}/…`;
  } catch {
    return 'the channel URL';
  }
}
