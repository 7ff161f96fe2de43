import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { CliError, EXIT, exitCodeOfStatus } from './exit-codes';

export interface ConsoleTarget {
  /** The console's base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  /** An API token (Settings → API tokens); its user's roles apply and the audit log names that user. */
  token?: string;
  cluster: string;
}

/** The console's error body: { error: { code, message, field? } }. */
interface ErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

export type Query = Record<string, string | number | boolean | undefined>;

/** What the commands ask: the console over HTTP (ConsoleApi), or its use cases in this process (direct.ts). */
export interface Api {
  readonly cluster: string;
  clusterPath(rest: string): string;
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  stream(path: string, query: Query, onLine: (value: unknown) => void): Promise<void>;
  close?(): Promise<void>;
}

/** The console's HTTP API as the terminal command uses it: a token, and the channel `cli` in the audit log. */
export class ConsoleApi implements Api {
  constructor(private readonly target: ConsoleTarget) {}

  get cluster(): string {
    return this.target.cluster;
  }

  /** A path under /api/clusters/{cluster}. */
  clusterPath(rest: string): string {
    return `/api/clusters/${encodeURIComponent(this.target.cluster)}${rest}`;
  }

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.send<T>('GET', withQuery(path, query));
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  /**
   * An NDJSON answer, line by line as the console writes it (a range scan runs for seconds to minutes: rows are shown
   * as they come). A refusal before the first line is an ordinary JSON error.
   */
  async stream(path: string, query: Query, onLine: (value: unknown) => void): Promise<void> {
    const res = await this.open('GET', withQuery(path, query), 'application/x-ndjson');
    res.setEncoding('utf8');
    let pending = '';
    for await (const chunk of res as AsyncIterable<string>) {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline).trim();
        pending = pending.slice(newline + 1);
        if (line) onLine(JSON.parse(line));
      }
    }
    if (pending.trim()) onLine(JSON.parse(pending));
  }

  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const text = await readAll(await this.open(method, path, 'application/json', body === undefined ? undefined : JSON.stringify(body)));
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(`the console answered ${method} ${path} with something other than JSON: ${text.slice(0, 200)}`, EXIT.FAILED);
    }
  }

  /**
   * One request through node:http(s), not fetch: loading fetch's implementation cost a terminal command about 0.4 s
   * before its first byte, several times the console's answer. Resolves with a 2xx answer; a refusal is an ApiError
   * and no answer a CliError (UNAVAILABLE).
   */
  private async open(method: string, path: string, accept: string, body?: string): Promise<IncomingMessage> {
    const url = new URL(path, this.target.url);
    const headers: Record<string, string> = { accept, 'x-console-client': 'cli' };
    if (this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    if (body !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { method, headers }, resolve);
      req.on('error', (error) => reject(new CliError(`the console at ${this.target.url} did not answer: ${error.message}`, EXIT.UNAVAILABLE)));
      req.end(body);
    });
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) throw new ApiError(status, parseError(await readAll(res), status));
    return res;
  }
}

function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params.size > 0 ? `${path}?${params}` : path;
}

async function readAll(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly body: ErrorBody & Record<string, unknown>,
  ) {
    const e = body.error ?? {};
    super(`${e.message ?? `HTTP ${status}`}${e.code ? ` (${e.code}${e.field ? `, field ${e.field}` : ''})` : ''}`, exitCodeOfStatus(status));
  }

  get code(): string | undefined {
    return this.body.error?.code;
  }
}

function parseError(text: string, status: number): ErrorBody & Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return parsed as ErrorBody & Record<string, unknown>;
  } catch {
    // not JSON: a proxy's page, say
  }
  return { error: { message: `HTTP ${status}: ${text.slice(0, 200)}` } };
}
