/**
 * The bench runs against NAMESRV_ADDR, or starts a fresh sandbox of its own (own directory and ports, so it
 * neither disturbs nor is disturbed by the demo sandbox) and stops it afterwards.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PORTS, testPort } from '../test-support/sandbox';

export const root = path.resolve(import.meta.dirname, '..');
export const version = process.env.RMQ_VERSION ?? '5.5.0';
const scripts = path.join(root, 'sandbox/scripts');

export interface BenchCluster {
  namesrv: string;
  brokerPorts: string[];
  /** Environment for the sandbox scripts (mqadmin.sh, jrun.sh) pointing at this cluster. */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

export function ensureCluster(): BenchCluster {
  if (process.env.NAMESRV_ADDR) {
    return { namesrv: process.env.NAMESRV_ADDR, brokerPorts: [], env: { ...process.env }, stop: () => undefined };
  }
  // ports of their own, beside both test sandboxes (5.x 9876/109xx, 4.x 9886/1095x-1097x), shifted like theirs
  return startSandbox(version, DEFAULT_PORTS.bench);
}

/**
 * A second, small cluster for the console of the groups bench to serve beside the big one (as a team's console
 * serves several): a 4.9.8 sandbox with the demo traffic, on ports of its own. BENCH_SECOND_NAMESRV names one instead.
 */
export function ensureSecondCluster(): BenchCluster {
  const given = process.env.BENCH_SECOND_NAMESRV;
  if (given) return { namesrv: given, brokerPorts: [], env: { ...process.env }, stop: () => undefined };
  return startSandbox(process.env.RMQ_VERSION_V4 ?? '4.9.8', DEFAULT_PORTS.benchSecond);
}

function startSandbox(sandboxVersion: string, ports: { namesrv: number; brokers: readonly number[] }): BenchCluster {
  const namesrvPort = String(testPort(ports.namesrv));
  const brokerPorts = ports.brokers.map((p) => String(testPort(p)));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RMQ_VERSION: sandboxVersion,
    SANDBOX_DIR: path.join(root, '.sandbox', `bench-${sandboxVersion}`),
    NAMESRV_PORT: namesrvPort,
    BROKER_PORTS: brokerPorts.join(' '),
    // the lab's 512 MB broker heap ran out answering the 19 MB subscription-group table at 50,000 groups (broker-a:
    // "OutOfMemoryError: Java heap space" to request 201); a broker holding such an estate gets more
    BROKER_HEAP: process.env.BROKER_HEAP ?? '-Xms512m -Xmx1536m',
  };
  execFileSync('bash', [path.join(scripts, 'start-cluster.sh'), '--fresh'], { stdio: 'inherit', env });
  execFileSync('bash', [path.join(scripts, 'traffic.sh')], { stdio: 'inherit', env });
  return {
    namesrv: `127.0.0.1:${namesrvPort}`,
    brokerPorts,
    env: { ...env, NAMESRV_ADDR: `127.0.0.1:${namesrvPort}` },
    stop: () => execFileSync('bash', [path.join(scripts, 'stop-cluster.sh')], { stdio: 'inherit', env }),
  };
}

/** Runs a single-file Java program of sandbox/java with the official client jars; returns its JSON lines. */
export function runJava<T>(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): T[] {
  const out = execFileSync('bash', [path.join(scripts, 'jrun.sh'), program, ...args], {
    env: { ...env, RMQ_VERSION: version },
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString();
  return out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as T);
}

/** Wall time of one official mqadmin command against the cluster. */
export function timeMqadmin(args: string[], env: NodeJS.ProcessEnv): { ms: number; output: string } {
  const started = performance.now();
  const output = execFileSync('bash', [path.join(scripts, 'mqadmin.sh'), ...args], { env, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  return { ms: performance.now() - started, output };
}

/** The V8 flags the console runs with under npm start (package.json config.consoleNodeOptions). */
export function consoleNodeOptions(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { config?: { consoleNodeOptions?: string } };
  return pkg.config?.consoleNodeOptions ?? '';
}
