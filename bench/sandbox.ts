/** The bench runs against NAMESRV_ADDR, or starts (and afterwards stops) the loopback sandbox itself. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..');
export const version = process.env.RMQ_VERSION ?? '5.5.0';
const scripts = path.join(root, 'sandbox/scripts');

export interface BenchCluster {
  namesrv: string;
  /** True when the bench started the sandbox and must stop it. */
  started: boolean;
  stop(): void;
}

export function ensureCluster(): BenchCluster {
  if (process.env.NAMESRV_ADDR) return { namesrv: process.env.NAMESRV_ADDR, started: false, stop: () => undefined };
  const sandboxDir = process.env.SANDBOX_DIR ?? path.join(root, '.sandbox', version);
  const running = existsSync(path.join(sandboxDir, 'pids/namesrv.pid'));
  const seeded = existsSync(path.join(sandboxDir, 'traffic/.seeded'));
  const env = { ...process.env, RMQ_VERSION: version };
  execFileSync('bash', [path.join(scripts, 'start-cluster.sh'), ...(seeded ? [] : ['--fresh'])], { stdio: 'inherit', env });
  if (!seeded) execFileSync('bash', [path.join(scripts, 'traffic.sh')], { stdio: 'inherit', env });
  return {
    namesrv: '127.0.0.1:9876',
    started: !running,
    stop: () => {
      if (!running) execFileSync('bash', [path.join(scripts, 'stop-cluster.sh')], { stdio: 'inherit', env });
    },
  };
}

/** Runs a single-file Java program of sandbox/java with the official client jars; returns its JSON lines. */
export function runJava<T>(program: string, args: string[]): T[] {
  const out = execFileSync('bash', [path.join(scripts, 'jrun.sh'), program, ...args], {
    env: { ...process.env, RMQ_VERSION: version },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as T);
}
