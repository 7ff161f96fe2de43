/** A production console server (`next start`) of its own, for HTTP timings and its RSS. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
const root = path.resolve(import.meta.dirname, '..');

export interface ConsoleServer {
  url: string;
  pid: number;
  rssMb(): number;
  /** The last 64 KiB it printed on stdout (pino's JSON lines: an error's stack is there), for a failure's message. */
  output(): string;
  /** SIGTERM by default; SIGKILL for a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `next start` (needs a build); DATA_DIR defaults to a fresh temporary directory. */
export async function startConsole(namesrv: string, port: number, extraEnv: Record<string, string> = {}): Promise<ConsoleServer> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      NAMESRV_ADDR: namesrv,
      // the bench times data routes, not sign-in: the local admin on 127.0.0.1 (extraEnv may turn it back on)
      AUTH: 'off',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'bench-console-')),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let printed = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      printed = (printed + d.toString()).slice(-65_536);
      if (d.toString().includes('Ready in')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`console exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => printed,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
    },
    stop: (signal: NodeJS.Signals = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** JSON request to the console; resolves with status and body whatever the status. */
export async function request<T = Record<string, unknown>>(url: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}

/** GET and time one request; throws on a non-2xx answer. */
export async function timedGet(url: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return { ms: performance.now() - started, body };
}
