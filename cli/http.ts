import { request as httpRequest } from 'node:http';
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
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const search = params.size > 0 ? `?${params}` : '';
    return this.send<T>('GET', `${path}${search}`);
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.send<T>('POST', path, body);
  }

  /**
   * An NDJSON answer, line by line as the console writes it (a range scan runs for seconds to minutes: rows are shown
   * as they come). A refusal before the first line is an ordinary JSON error.
   */
  async stream(path: string, query: Query, onLine: (value: unknown) => void): Promise<void> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    const url = new URL(`${path}${params.size > 0 ? `?${params}` : ''}`, this.target.url);
    const headers: Record<string, string> = { accept: 'application/x-ndjson', 'x-console-client': 'cli' };
    if (this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    await new Promise<void>((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'GET', headers }, (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let pending = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (status < 200 || status >= 300) return void chunks.push(Buffer.from(chunk));
          pending += chunk;
          let newline: number;
          while ((newline = pending.indexOf('\n')) >= 0) {
            const line = pending.slice(0, newline).trim();
            pending = pending.slice(newline + 1);
            if (line) onLine(JSON.parse(line));
          }
        });
        res.on('end', () => {
          if (status < 200 || status >= 300) return reject(new ApiError(status, parseError(Buffer.concat(chunks).toString('utf8'), status)));
          if (pending.trim()) onLine(JSON.parse(pending));
          resolve();
        });
        res.on('error', reject);
      });
      req.on('error', (error) => reject(new CliError(`the console at ${this.target.url} did not answer: ${error.message}`, EXIT.UNAVAILABLE)));
      req.end();
    });
  }

  /** The answer's error code on a refusal (409 with a fresh preview, say), for the commands that act on it. */
  private async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-console-client': 'cli' };
    if (this.target.token) headers.authorization = `Bearer ${this.target.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: { status: number; text: string };
    try {
      response = await exchange(new URL(path, this.target.url), method, headers, body === undefined ? undefined : JSON.stringify(body));
    } catch (error) {
      throw new CliError(`the console at ${this.target.url} did not answer: ${error instanceof Error ? error.message : String(error)}`, EXIT.UNAVAILABLE);
    }
    const { text } = response;
    if (response.status < 200 || response.status >= 300) throw new ApiError(response.status, parseError(text, response.status));
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CliError(`the console answered ${method} ${path} with something other than JSON: ${text.slice(0, 200)}`, EXIT.FAILED);
    }
  }
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

/**
 * One request through node:http(s), not fetch: loading fetch's implementation cost a terminal command about 0.4 s
 * before its first byte, several times the console's answer.
 */
function exchange(url: URL, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
