/**
 * Where the tests find the sandboxes: the same defaults and environment the sandbox scripts read (sandbox/scripts/env.sh).
 * A 5.x and a 4.x sandbox run side by side on ports by version; SANDBOX_PORT_OFFSET shifts every default port
 * (sandbox ports, the e2e console, PostgreSQL, ...) so two worktrees can run `npm test` at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const env = process.env;

function portOffset(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  if (!/^\d+$/.test(value.trim())) throw new Error(`SANDBOX_PORT_OFFSET must be a whole number, not '${value}'`);
  return Number(value);
}

export const PORT_OFFSET = portOffset(env.SANDBOX_PORT_OFFSET);

/** A default port shifted by SANDBOX_PORT_OFFSET (down instead when up would pass 65535), as env.sh shifted_port. */
export function testPort(base: number): number {
  const up = base + PORT_OFFSET;
  const port = up <= 65535 ? up : base - PORT_OFFSET;
  if (port < 1024) throw new Error(`SANDBOX_PORT_OFFSET ${PORT_OFFSET} puts port ${base} out of range`);
  return port;
}

/** Unshifted default ports of everything the tests start (README, "Ports"). */
export const DEFAULT_PORTS = {
  v5: { namesrv: 9876, brokers: [10911, 10921, 10931] },
  v4: { namesrv: 9886, brokers: [10951, 10961, 10971] },
  /** the sandboxes with access control (SANDBOX_AUTH=on): 5.x ACL 2.0, 4.x ACL 1.0 */
  v5Auth: { namesrv: 9926, brokers: [11041, 11051, 11061] },
  v4Auth: { namesrv: 9936, brokers: [11071, 11081, 11091] },
  /** npm run bench's own sandbox (bench/sandbox.ts) */
  bench: { namesrv: 9896, brokers: [10981, 10991, 11001] },
  /** npm run reliability's own sandbox (reliability/sandbox.ts): the fault check kills its processes */
  reliability: { namesrv: 9946, brokers: [11101, 11111, 11121] },
  /** the second cluster the groups bench's console serves beside its own (a 4.9.8 sandbox with the demo traffic) */
  benchSecond: { namesrv: 9916, brokers: [11011, 11021, 11031] },
  /** the namesrv with binary (ROCKETMQ) headers that record-fixtures.ts starts for a moment */
  binaryNamesrv: 9906,
  /** the e2e console (next start), the crash and race tests' two consoles per version, the groups bench's consoles (3190 + n % 7) */
  e2eConsole: 3100,
  crashConsoles: { v5: [3170, 3171], v4: [3172, 3173] },
  /** two console processes on one PostgreSQL racing for one change, per version */
  raceConsoles: { v5: [3174, 3175], v4: [3176, 3177] },
  benchConsole: 3190,
  /** the console of the range scan bench's HTTP scan (bench/scan-large.ts) */
  scanConsole: 3197,
  /** the console of the fault check (reliability/faults.ts) */
  faultsConsole: 3178,
  /** the loopback OIDC provider of the sign-in e2e */
  oidcProvider: 4421,
  postgres: 55432,
} as const;

export interface Sandbox {
  version: string;
  /** The console's name for this cluster in the generated clusters file (sandbox/scripts/console-config.sh). */
  cluster: string;
  namesrv: string;
  brokerAMaster: string;
  brokerASlave: string;
  brokerBMaster: string;
  /** The 5.x wire has fields 4.9 lacks (pullOffset, brokerActive...). */
  isV5: boolean;
  /** Runtime state of the sandbox scripts: pids, traffic log, stores. */
  dir: string;
  /** Runs with access control (SANDBOX_AUTH=on): every request must be signed (SECURED_ACCOUNTS). */
  auth: boolean;
}

/** The lab accounts of a sandbox with access control, as sandbox/scripts/auth.sh creates them. */
export const SECURED_ACCOUNTS = {
  /** 5.x Super user, 4.x admin account; mqadmin signs with it */
  admin: { accessKey: 'rocketmq', secretKey: 'lab-admin-pw-1' },
  /** reads only: 5.x Allow Get,List,Sub on everything; 4.x SUB by default */
  reader: { accessKey: 'lab_reader', secretKey: 'lab-reader-pw-1' },
  /** the demo clients */
  app: { accessKey: 'lab_app', secretKey: 'lab-app-pw-1' },
} as const;

/** The sandbox with access control of `version` (sandbox/scripts/auth.sh), on its default ports. */
export function securedSandboxOf(version: string): Sandbox {
  const isV5 = !version.startsWith('4');
  const ports = isV5 ? DEFAULT_PORTS.v5Auth : DEFAULT_PORTS.v4Auth;
  const [a0, a1, b0] = ports.brokers.map(testPort);
  return {
    version,
    cluster: isV5 ? 'secured' : `secured-${version.split('.').slice(0, 2).join('.')}`,
    namesrv: `127.0.0.1:${testPort(ports.namesrv)}`,
    brokerAMaster: `127.0.0.1:${a0}`,
    brokerASlave: `127.0.0.1:${a1}`,
    brokerBMaster: `127.0.0.1:${b0}`,
    isV5,
    dir: path.join(repoRoot, '.sandbox', `${version}-auth`),
    auth: true,
  };
}

const repoRoot = path.resolve(import.meta.dirname, '..');

/** A sandbox of `version` on its default ports (explicit NAMESRV_PORT / BROKER_PORTS / SANDBOX_DIR when `overrides`). */
export function sandboxOf(version: string, overrides = false): Sandbox {
  const isV5 = !version.startsWith('4');
  const defaults = isV5 ? DEFAULT_PORTS.v5 : DEFAULT_PORTS.v4;
  const namesrvPort = (overrides && env.NAMESRV_PORT) || String(testPort(defaults.namesrv));
  const brokerPorts = ((overrides && env.BROKER_PORTS) || defaults.brokers.map(testPort).join(' ')).trim().split(/\s+/);
  if (brokerPorts.length !== 3) throw new Error(`BROKER_PORTS must name 3 ports, not '${env.BROKER_PORTS}'`);
  return {
    version,
    cluster: isV5 ? 'local' : `local-${version.split('.').slice(0, 2).join('.')}`,
    namesrv: `127.0.0.1:${namesrvPort}`,
    brokerAMaster: `127.0.0.1:${brokerPorts[0]}`,
    brokerASlave: `127.0.0.1:${brokerPorts[1]}`,
    brokerBMaster: `127.0.0.1:${brokerPorts[2]}`,
    isV5,
    dir: (overrides && env.SANDBOX_DIR) || path.join(repoRoot, '.sandbox', version),
    auth: false,
  };
}

/** The sandbox a live test run targets: RMQ_VERSION (default 5.5.0), with the scripts' explicit overrides. */
export const LIVE: Sandbox = sandboxOf(env.RMQ_VERSION ?? '5.5.0', true);

/** Both sandboxes `npm test` runs at once, for tests that move between clusters (e2e). */
export const SANDBOXES: { v5: Sandbox; v4: Sandbox } = {
  v5: pick(env.RMQ_VERSION_V5 ?? '5.5.0'),
  v4: pick(env.RMQ_VERSION_V4 ?? '4.9.8'),
};
function pick(version: string): Sandbox {
  return version === LIVE.version ? LIVE : sandboxOf(version);
}

export const SANDBOX_DIR = LIVE.dir;

/** pid of a sandbox process (namesrv, broker-a-0, broker-a-1, broker-b-0). */
export function sandboxPid(proc: string, sandbox: Sandbox = LIVE): number {
  return Number(readFileSync(path.join(sandbox.dir, 'pids', `${proc}.pid`), 'utf8').trim());
}

/**
 * Waits until a killed process is gone: no longer there, or a zombie (pid 1 of some containers reaps late, and a
 * zombie still answers kill -0). A broker SIGKILLed a moment ago may also still be tearing down its memory.
 */
export async function waitProcessGone(pid: number, timeoutMs = 30_000): Promise<void> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      return;
    }
    // "pid (comm) S ...": the state follows the command name's closing parenthesis
    if (stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z') return;
  }
  throw new Error(`process ${pid} is still running ${timeoutMs / 1000} s after it was killed`);
}

/** Makes a broker "slow" (SIGSTOP: its socket stays open, nothing answers) for the duration of fn. */
export async function withBrokerFrozen<T>(proc: string, fn: () => Promise<T>, sandbox: Sandbox = LIVE): Promise<T> {
  const pid = sandboxPid(proc, sandbox);
  process.kill(pid, 'SIGSTOP');
  try {
    return await fn();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

/**
 * The groups of the gRPC clients that sandbox/scripts/proxy.sh runs through the 5.x proxy. They consume by POP, so
 * mqadmin consumerProgress (which finds groups through %RETRY%<group>) does not list them, and lists instead a
 * phantom group "<group>_<topic>" made from their POP retry topic %RETRY%<group>_<topic>.
 */
export function popGroupsOf(sandbox: Sandbox): string[] {
  return sandbox.isV5 && !sandbox.auth ? ['lab_grpc_push', 'lab_grpc_simple'] : [];
}

export function isPopPhantom(group: string, sandbox: Sandbox): boolean {
  return popGroupsOf(sandbox).some((p) => group.startsWith(`${p}_`));
}
