/**
 * Receivers of alert notifications on loopback, each checking what it gets the way the real one does: the generic
 * webhook's HMAC signature, DingTalk's and Feishu's signed robots (as their documentation describes the signature,
 * computed here independently of the console's code), WeCom's 4,096-byte markdown limit, Slack's `text`; and an SMTP
 * server (smtp-server) that takes a login. Each records what it accepted and what it refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  kind: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
  /** Why the receiver refused it; undefined when accepted. */
  refused?: string;
}

export interface HttpReceivers {
  url(kind: 'webhook' | 'slack' | 'dingtalk' | 'feishu' | 'wecom', path?: string): string;
  received: Received[];
  /** The next `count` requests to `path` answer this status (a receiver that is down for a while). */
  failNext(path: string, count: number, status: number): void;
  close(): Promise<void>;
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Secrets the receivers check signatures with, one per kind. */
export function startHttpReceivers(secrets: { webhook: string; dingtalk: string; feishu: string }): Promise<HttpReceivers> {
  const received: Received[] = [];
  const failures = new Map<string, { count: number; status: number }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const [, kind = ''] = url.pathname.split('/');
      const body = Buffer.concat(chunks).toString('utf8');
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        /* checked below */
      }
      const failing = failures.get(url.pathname);
      if (failing && failing.count > 0) {
        failing.count--;
        received.push({ kind, path: url.pathname, headers: req.headers, body, json, refused: `HTTP ${failing.status}` });
        res.writeHead(failing.status, { 'content-type': 'text/plain' }).end('receiver is down');
        return;
      }
      const verdict = check(kind, req, url, body, json, secrets);
      received.push({ kind, path: url.pathname, headers: req.headers, body, json, ...(verdict.refused ? { refused: verdict.refused } : {}) });
      res.writeHead(verdict.status, { 'content-type': verdict.type }).end(verdict.answer);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: (kind, path = '') => `http://127.0.0.1:${port}/${kind}${path}`,
        received,
        failNext: (path, count, status) => failures.set(path, { count, status }),
        close: () => new Promise<void>((r) => server.close(() => r())),
      });
    }),
  );
}

interface Verdict {
  status: number;
  type: string;
  answer: string;
  refused?: string;
}

function check(kind: string, req: IncomingMessage, url: URL, body: string, json: Record<string, unknown>, secrets: { webhook: string; dingtalk: string; feishu: string }): Verdict {
  const ok = (answer: unknown): Verdict => ({ status: 200, type: 'application/json', answer: JSON.stringify(answer) });
  const refuse = (status: number, answer: unknown, why: string): Verdict => ({ status, type: 'application/json', answer: JSON.stringify(answer), refused: why });
  switch (kind) {
    case 'webhook': {
      const ts = String(req.headers['x-rocketmq-console-timestamp'] ?? '');
      const given = String(req.headers['x-rocketmq-console-signature'] ?? '');
      const expected = `sha256=${createHmac('sha256', secrets.webhook).update(`${ts}.${body}`).digest('hex')}`;
      if (!ts || Math.abs(Date.now() - Number(ts)) > 300_000) return refuse(401, { error: 'stale or missing timestamp' }, 'timestamp');
      if (!equal(given, expected)) return refuse(401, { error: 'bad signature' }, 'signature');
      return ok({ received: true });
    }
    case 'slack':
      if (typeof json.text !== 'string' || json.text === '') return { status: 400, type: 'text/plain', answer: 'no_text', refused: 'no_text' };
      return { status: 200, type: 'text/plain', answer: 'ok' };
    case 'dingtalk': {
      const ts = url.searchParams.get('timestamp') ?? '';
      const sign = url.searchParams.get('sign') ?? '';
      const expected = createHmac('sha256', secrets.dingtalk).update(`${ts}\n${secrets.dingtalk}`).digest('base64');
      if (Math.abs(Date.now() - Number(ts)) > 3_600_000 || !equal(sign, expected)) return refuse(200, { errcode: 310000, errmsg: 'sign not match' }, 'sign not match');
      const md = json.markdown as { title?: unknown; text?: unknown } | undefined;
      if (json.msgtype !== 'markdown' || typeof md?.title !== 'string' || typeof md.text !== 'string') return refuse(200, { errcode: 40035, errmsg: 'missing markdown' }, 'missing markdown');
      return ok({ errcode: 0, errmsg: 'ok' });
    }
    case 'feishu': {
      const ts = String(json.timestamp ?? '');
      const expected = createHmac('sha256', `${ts}\n${secrets.feishu}`).update('').digest('base64');
      if (Math.abs(Date.now() / 1000 - Number(ts)) > 3600 || !equal(String(json.sign ?? ''), expected)) return refuse(200, { code: 19021, msg: 'sign match fail or timestamp is not within one hour from current time' }, 'sign match fail');
      const content = json.content as { text?: unknown } | undefined;
      if (json.msg_type !== 'text' || typeof content?.text !== 'string') return refuse(200, { code: 9499, msg: 'Bad Request' }, 'bad request');
      return ok({ code: 0, msg: 'success', data: {} });
    }
    case 'wecom': {
      const md = json.markdown as { content?: unknown } | undefined;
      if (json.msgtype !== 'markdown' || typeof md?.content !== 'string') return refuse(200, { errcode: 40008, errmsg: 'invalid message type' }, 'invalid message type');
      if (Buffer.byteLength(md.content) > 4096) return refuse(200, { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' }, 'too long');
      return ok({ errcode: 0, errmsg: 'ok' });
    }
    default:
      return { status: 404, type: 'text/plain', answer: 'no such robot', refused: 'not found' };
  }
}

export interface Mail {
  from: string;
  to: string[];
  user?: string;
  raw: string;
  subject: string;
  /** The body, quoted-printable decoded. */
  text: string;
}

export interface SmtpReceiver {
  port: number;
  mails: Mail[];
  close(): Promise<void>;
}

/** An SMTP server on loopback that takes the one login given (plain text: no TLS on loopback) and keeps each mail. */
export function startSmtpReceiver(login: { user: string; password: string }): Promise<SmtpReceiver> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '';
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
          raw,
          subject,
          text: decodeBody(raw),
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({ port, mails, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (!/^Content-Transfer-Encoding: quoted-printable/im.test(headers)) return body;
  const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}
