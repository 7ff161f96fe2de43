/**
 * Every route under bad input, in-process as Next.js calls them, on a console whose namesrv is a loopback peer that
 * counts what reaches it. Used by app/api/bad-input.test.ts (each case asserted) and npm run reliability (figures).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ZodType } from 'zod';
import type { RouteHandler } from '../app/api/_lib/handler';
import { createConsole, type Console } from '../lib/console/console';
import { readSettings } from '../lib/console/core/config';
import { createLog } from '../lib/console/core/log';

const slot = globalThis as typeof globalThis & { __rocketmqConsole?: Console };
const ORIGIN = 'http://127.0.0.1:3293';
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'] as const;
const API = path.resolve(import.meta.dirname, '../app/api');

/** Values no path segment of this API takes: traversal, a NUL, 5,000 characters, a lone surrogate, a blank. */
export const BAD_SEGMENTS: Array<[string, string]> = [
  ['path traversal', '../../etc/passwd'],
  ['a NUL byte', 'a\u0000b'],
  ['5,000 characters', 'x'.repeat(5000)],
  ['a lone surrogate', 'a\ud800b'],
  ['a blank', ' '],
];

export const BAD_BODIES: Array<[string, string]> = [
  ['text that is not JSON', 'not json {'],
  ['a JSON array', '[1,2,3]'],
  ['a JSON string', '"x"'],
  ['a body of 2 MB', JSON.stringify({ x: 'y'.repeat(2 * 1024 * 1024) })],
];

/**
 * Values for each query key of each route, one at a time: not a number, an infinite and a huge negative number, a
 * fraction, a NUL and a right-to-left override, 5,000 characters, a lone surrogate. A key that takes free text may
 * take some of them; a key that does not must refuse them naming itself.
 */
export const BAD_QUERY_VALUES: Array<[string, string]> = [
  ['not a number', 'abc'],
  ['an infinite number', '1e400'],
  ['a huge negative number', '-99999999999999999999'],
  ['a fraction', '0.5'],
  ['control characters', 'a\u0000\u202eb'],
  ['5,000 characters', 'q'.repeat(5000)],
  ['a lone surrogate', 'a\ud800b'],
];

/** The keys of a query schema: an object, possibly wrapped in a transform or a refinement (zod 4 pipes). */
export function queryKeys(schema: ZodType): string[] {
  let s: unknown = schema;
  for (let i = 0; i < 5 && s; i++) {
    const def = (s as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; in?: unknown; innerType?: unknown } } })._zod?.def;
    if (!def) return [];
    if (def.type === 'object' && def.shape) return Object.keys(def.shape);
    s = def.in ?? def.innerType;
  }
  return [];
}

/**
 * Each query key of each handler with each of BAD_QUERY_VALUES, one request at a time, and how the answer held
 * (valueHeld). A handler whose query schema shows no keys is an error: the matrix would test nothing there.
 */
export async function* badQueryValues(all: Route[]): AsyncGenerator<{ where: string; key: string; what: string; answer: Answer; held: ReturnType<typeof valueHeld> }> {
  for (const r of all) {
    for (const [method, handler] of r.handlers) {
      if (!handler.spec.query) continue;
      const where = `${method} ${r.pattern}`;
      const keys = queryKeys(handler.spec.query);
      if (keys.length === 0) throw new Error(`${where}: no keys found in its query schema`);
      for (const key of keys) {
        for (const [what, value] of BAD_QUERY_VALUES) {
          const answer = await callRoute(r, method, handler, goodParams(r), { query: `?${key}=${encoded(value)}`, body: '{}' });
          yield { where, key, what, answer, held: valueHeld(answer, key, keys) };
        }
      }
    }
  }
}

/** A query key no route knows. */
export const UNKNOWN_KEY = 'zzUnknown';
/** Query schemas that pass unknown keys on, and why. */
export const LOOSE_QUERY = new Set([
  // the sign-in start is linked from outside (bookmarks, a provider's own redirects); an extra key there is harmless
  'GET /api/auth/oidc/start',
  // the group and topic list pages parse their own URL with these schemas, and a page URL carries view state too
  'GET /api/clusters/[cluster]/groups',
  'GET /api/clusters/[cluster]/topics',
]);

/** Good values for each path parameter: the bad one is put in their place, one at a time. */
const GOOD: Record<string, string> = { cluster: 'lab', topic: 'LabTopic', group: 'lab_cg', msgId: '7F00000100002A9F0000000000003039', addr: '127.0.0.1:10911', auditId: '1', id: 'abc', username: 'someone' };

export interface Route {
  /** /api/clusters/[cluster]/topics/[topic]/status */
  pattern: string;
  params: string[];
  handlers: Array<[string, RouteHandler]>;
}

export async function apiRoutes(): Promise<Route[]> {
  const files = (function walk(d: string): string[] {
    return readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : e.name === 'route.ts' ? [path.join(d, e.name)] : []));
  })(API);
  const out: Route[] = [];
  for (const file of files.sort()) {
    const pattern = `/api/${path.relative(API, path.dirname(file)).split(path.sep).join('/')}`;
    const mod = (await import(file)) as Record<string, RouteHandler>;
    out.push({ pattern, params: [...pattern.matchAll(/\[(\w+)\]/g)].map((m) => m[1]!), handlers: METHODS.filter((m) => typeof mod[m] === 'function').map((m) => [m, mod[m]!]) });
  }
  return out;
}

/** A console on a counting loopback namesrv, installed where the route adapter looks for it. */
export async function countingConsole(): Promise<{ brokerBytes: () => number; close: () => Promise<void> }> {
  let bytes = 0;
  const peer = net.createServer((socket) => socket.on('data', (d) => (bytes += d.length)));
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', () => resolve()));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
  const namesrv = `127.0.0.1:${(peer.address() as net.AddressInfo).port}`;
  const app = createConsole(readSettings({ NAMESRV_ADDR: namesrv, CLUSTER_KEY: 'lab', DATA_DIR: dir, AUTH: 'off', RMQ_REQUEST_TIMEOUT_MS: '300', RMQ_FANOUT_DEADLINE_MS: '400' }), { log: createLog('silent') });
  slot.__rocketmqConsole = app;
  return {
    brokerBytes: () => bytes,
    close: async () => {
      slot.__rocketmqConsole = undefined;
      await app.close();
      peer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** As Next.js hands the params over: still percent-encoded (the adapter decodes); a lone surrogate as its UTF-8 bytes. */
function encoded(value: string): string {
  return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '')) + (/[\uD800-\uDFFF]/.test(value) ? '%ED%A0%80' : '');
}

export function goodParams(r: Route): Record<string, string> {
  return Object.fromEntries(r.params.map((p) => [p, encoded(GOOD[p] ?? 'x')]));
}

export function withBadParam(r: Route, param: string, value: string): Record<string, string> {
  return { ...goodParams(r), [param]: encoded(value) };
}

export interface Answer {
  status: number;
  text: string;
  error?: { code?: string; message?: string; field?: string };
}

export async function callRoute(r: Route, method: string, handler: RouteHandler, params: Record<string, string>, init: { query?: string; body?: string } = {}): Promise<Answer> {
  const url = `${ORIGIN}${r.pattern.replace(/\[(\w+)\]/g, (_m, k: string) => params[k]!)}${init.query ?? ''}`;
  const request = new Request(url, {
    method,
    headers: { host: '127.0.0.1:3293', origin: ORIGIN, 'content-type': 'application/json' },
    ...(method === 'GET' || init.body === undefined ? {} : { body: init.body }),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let error: Answer['error'];
  try {
    error = (JSON.parse(text) as { error?: Answer['error'] }).error;
  } catch {
    error = undefined;
  }
  return { status: response.status, text, ...(error ? { error } : {}) };
}

/** Refused naming the unknown key, or, where a required key is missing too, naming that one (the first problem). */
export function refusedNaming(a: Answer): boolean {
  return Boolean(a.error?.message?.includes(UNKNOWN_KEY) || (a.error?.field && a.error.message?.startsWith(a.error.field)));
}

export interface RouteFigures {
  routes: number;
  handlers: number;
  requests: number;
  /** Answers that were a 4xx naming the bad parameter (path) or a 4xx (body). */
  held: number;
  failures: string[];
  brokerBytes: number;
  /**
   * The query value matrix: requests; refused naming the key; refused naming another key of the route first (one
   * it requires, sent without); taken as a valid value (free text), which then went on to the cluster.
   */
  queryValues: { keys: number; requests: number; refused: number; elsewhere: number; taken: number };
}

/**
 * How a route answered a bad value for `key`. A value taken as valid goes on to the cluster: here the counting
 * namesrv, which never answers, so the route says which namesrv did not answer in time (502-504): that is the value
 * being valid, and its bytes are not counted against the matrix. Undefined: a failure (a 500, a stack, a 4xx that
 * names no key of the route).
 */
export function valueHeld(a: Answer, key: string, keys: string[]): 'refused' | 'elsewhere' | 'taken' | undefined {
  if (/\n\s+at /.test(a.text)) return undefined;
  if (a.status >= 502 && a.status <= 504 && /namesrv .* did not answer/.test(a.error?.message ?? '')) return 'taken';
  if (a.status >= 500) return undefined;
  if (a.status < 400) return 'taken';
  if (a.error?.field === key || a.error?.message?.startsWith(`${key}:`) || a.error?.message?.includes(` ${key} `)) return 'refused';
  return a.error?.field && keys.includes(a.error.field.split(/[.[]/)[0]!) ? 'elsewhere' : undefined;
}

/** The whole matrix, as figures: what npm run reliability prints. */
export async function badInputFigures(): Promise<RouteFigures> {
  const counting = await countingConsole();
  try {
    const all = await apiRoutes();
    const figures: RouteFigures = { routes: all.length, handlers: all.reduce((n, r) => n + r.handlers.length, 0), requests: 0, held: 0, failures: [], brokerBytes: 0, queryValues: { keys: 0, requests: 0, refused: 0, elsewhere: 0, taken: 0 } };
    for (const r of all) {
      for (const [method, handler] of r.handlers) {
        for (const param of r.params) {
          for (const [what, value] of BAD_SEGMENTS) {
            const a = await callRoute(r, method, handler, withBadParam(r, param, value), { body: '{}' });
            figures.requests++;
            if (a.status >= 400 && a.status < 500 && a.error?.field === param && !/\n\s+at /.test(a.text)) figures.held++;
            else figures.failures.push(`${method} ${r.pattern} [${param}] ${what}: ${a.status} ${a.text.slice(0, 120)}`);
          }
        }
        if (handler.spec.query && !LOOSE_QUERY.has(`${method} ${r.pattern}`)) {
          const a = await callRoute(r, method, handler, goodParams(r), { query: `?${UNKNOWN_KEY}=1`, body: '{}' });
          figures.requests++;
          if (a.status === 400 && refusedNaming(a) && !/\n\s+at /.test(a.text)) figures.held++;
          else figures.failures.push(`${method} ${r.pattern} query ${UNKNOWN_KEY}: ${a.status} ${a.text.slice(0, 120)}`);
        }
        if (!handler.spec.body) continue;
        for (const [what, body] of BAD_BODIES) {
          const a = await callRoute(r, method, handler, goodParams(r), { body });
          figures.requests++;
          if (a.status >= 400 && a.status < 500 && !/\n\s+at /.test(a.text)) figures.held++;
          else figures.failures.push(`${method} ${r.pattern} body ${what}: ${a.status} ${a.text.slice(0, 120)}`);
        }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    figures.brokerBytes = counting.brokerBytes();
    // last: a value taken as valid may make a broker call, which the count above must not include
    const keys = new Set<string>();
    for await (const v of badQueryValues(all)) {
      keys.add(`${v.where} ${v.key}`);
      figures.queryValues.requests++;
      if (v.held) figures.queryValues[v.held]++;
      else figures.failures.push(`${v.where} ?${v.key}= ${v.what}: ${v.answer.status} ${v.answer.text.slice(0, 160)}`);
    }
    figures.queryValues.keys = keys.size;
    return figures;
  } finally {
    await counting.close();
  }
}
