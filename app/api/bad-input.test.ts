import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsole, type Console } from '@/lib/console/console';
import { readSettings } from '@/lib/console/core/config';
import { createLog } from '@/lib/console/core/log';
import type { RouteHandler } from './_lib/handler';

// Every route under bad input, in-process as Next.js calls them, on a console whose namesrv is a loopback peer that
// counts what reaches it: each answer must be a 4xx naming what was wrong (no 500, no stack), and no bad value may
// lead to a broker call. Sign-in is off (the local admin may do everything), so only the input decides.
const slot = globalThis as typeof globalThis & { __rocketmqConsole?: Console };
const ORIGIN = 'http://127.0.0.1:3293';
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;

/** Values no path segment of this API takes: traversal, a NUL, 5,000 characters, a lone surrogate, a blank. */
const BAD_SEGMENTS: Array<[string, string]> = [
  ['path traversal', '../../etc/passwd'],
  ['a NUL byte', 'a\u0000b'],
  ['5,000 characters', 'x'.repeat(5000)],
  ['a lone surrogate', 'a\ud800b'],
  ['a blank', ' '],
];

let app: Console;
let dir: string;
let peer: net.Server;
let brokerBytes = 0;

beforeAll(async () => {
  peer = net.createServer((socket) => socket.on('data', (d) => (brokerBytes += d.length)));
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', () => resolve()));
  dir = mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
  const namesrv = `127.0.0.1:${(peer.address() as net.AddressInfo).port}`;
  app = createConsole(readSettings({ NAMESRV_ADDR: namesrv, CLUSTER_KEY: 'lab', DATA_DIR: dir, AUTH: 'off', REQUEST_TIMEOUT_MS: '300' }), { log: createLog('silent') });
  slot.__rocketmqConsole = app;
});
afterAll(async () => {
  slot.__rocketmqConsole = undefined;
  await app.close();
  peer.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Route {
  file: string;
  /** /api/clusters/[cluster]/topics/[topic]/status */
  pattern: string;
  params: string[];
  handlers: Array<[string, RouteHandler]>;
}

async function routes(): Promise<Route[]> {
  const root = path.resolve(import.meta.dirname);
  const files = (function walk(d: string): string[] {
    return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name === 'route.ts' ? [path.join(d, e.name)] : []));
  })(root);
  const out: Route[] = [];
  for (const file of files.sort()) {
    const pattern = `/api/${path.relative(root, path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Record<string, RouteHandler>;
    out.push({ file, pattern, params: [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!), handlers: METHODS.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m]!]) });
  }
  return out;
}

/** Good values for each path parameter: the bad one is put in their place, one at a time. */
const GOOD: Record<string, string> = { cluster: 'lab', topic: 'LabTopic', group: 'lab_cg', msgId: '7F00000100002A9F0000000000003039', addr: '127.0.0.1:10911', auditId: '1', id: 'abc', username: 'someone' };

async function call(r: Route, method: string, handler: RouteHandler, params: Record<string, string>, init: { query?: string; body?: string; contentType?: string } = {}): Promise<{ status: number; text: string }> {
  // the URL only labels the request (the handler takes its params already split, as Next.js passes them)
  const url = `${ORIGIN}${r.pattern.replace(/\[(\w+)\]/g, (_m, k: string) => encodeURIComponent(params[k]!.replace(/[\uD800-\uDFFF]/g, '?')))}${init.query ?? ''}`;
  const request = new Request(url, {
    method,
    headers: { host: '127.0.0.1:3293', origin: ORIGIN, 'content-type': init.contentType ?? 'application/json' },
    ...(method === 'GET' || init.body === undefined ? {} : { body: init.body }),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, text: await response.text() };
}

describe('every route under bad input', async () => {
  const all = await routes();

  it('finds every route file and its handlers', () => {
    expect(all.length).toBeGreaterThanOrEqual(59);
    expect(all.every((r) => r.handlers.length > 0)).toBe(true);
  });

  const cases = all.flatMap((r) => r.handlers.flatMap(([method, handler]) => r.params.map((param) => ({ r, method, handler, param }))));
  it.each(cases.map((c) => [`${c.method} ${c.r.pattern} [${c.param}]`, c] as const))('%s: a bad path segment is a 4xx naming it, with no broker call', async (_name, c) => {
    for (const [what, value] of BAD_SEGMENTS) {
      const before = brokerBytes;
      // as Next.js hands them over: still percent-encoded (the adapter decodes)
      const params = Object.fromEntries(c.r.params.map((p) => [p, p === c.param ? encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\u0000')) + (value.includes('\ud800') ? '%ED%A0%80' : '') : encodeURIComponent(GOOD[p] ?? 'x')]));
      const { status, text } = await call(c.r, c.method, c.handler, params, { body: '{}' });
      expect(status, `${what}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
      expect(text, what).not.toMatch(/\n\s+at /);
      const error = (JSON.parse(text) as { error?: { message?: string; field?: string } }).error;
      expect(error?.field, what).toBe(c.param);
      expect(error?.message, what).toContain(c.param);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(brokerBytes - before, `${what}: a broker call was made`).toBe(0);
    }
  });
});

describe('every route under a bad body', async () => {
  const all = await routes();
  const good = (r: Route) => Object.fromEntries(r.params.map((p) => [p, encodeURIComponent(GOOD[p] ?? 'x')]));

  const withBody = all.flatMap((r) => r.handlers.filter(([, h]) => h.spec.body).map(([method, handler]) => ({ r, method, handler })));
  const BAD_BODIES: Array<[string, string]> = [
    ['text that is not JSON', 'not json {'],
    ['a JSON array', '[1,2,3]'],
    ['a JSON string', '"x"'],
    ['a body of 2 MB', JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) })],
  ];
  it.each(withBody.map((c) => [`${c.method} ${c.r.pattern}`, c] as const))('%s: a body that is not the object it takes is a 4xx, with no broker call', async (_name, c) => {
    for (const [what, body] of BAD_BODIES) {
      const before = brokerBytes;
      const { status, text } = await call(c.r, c.method, c.handler, good(c.r), { body });
      expect(status, `${what}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${what}: ${text.slice(0, 300)}`).toBeLessThan(500);
      expect(text, what).not.toMatch(/\n\s+at /);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(brokerBytes - before, `${what}: a broker call was made`).toBe(0);
    }
  });
});

describe('the audit log through the API', async () => {
  const all = await routes();
  it('has no route that changes or deletes an audit entry: reading it, and planning and applying an undo (a new entry), only', () => {
    const audit = all.filter((r) => r.pattern.includes('/audit')).flatMap((r) => r.handlers.map(([method]) => `${method} ${r.pattern}`)).sort();
    expect(audit).toEqual([
      'GET /api/clusters/[cluster]/audit',
      'GET /api/clusters/[cluster]/audit/[auditId]',
      'POST /api/clusters/[cluster]/audit/[auditId]/undo',
      'POST /api/clusters/[cluster]/audit/[auditId]/undo/preview',
    ]);
    expect(all.flatMap((r) => r.handlers.filter(([method]) => method === 'DELETE' || method === 'PATCH' || method === 'PUT').map(([method]) => `${method} ${r.pattern}`)).filter((h) => /audit/.test(h))).toEqual([]);
  });
});
