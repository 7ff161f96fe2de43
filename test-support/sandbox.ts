/** Where the live tests find the sandbox: the same environment the sandbox scripts read. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ports = (process.env.BROKER_PORTS ?? '10911 10921 10931').split(/\s+/);

export const LIVE = {
  version: process.env.RMQ_VERSION ?? '5.5.0',
  namesrv: `127.0.0.1:${process.env.NAMESRV_PORT ?? '9876'}`,
  brokerAMaster: `127.0.0.1:${ports[0]}`,
  brokerASlave: `127.0.0.1:${ports[1]}`,
  brokerBMaster: `127.0.0.1:${ports[2]}`,
  /** The 5.x wire has fields 4.9 lacks (pullOffset, brokerActive...). */
  isV5: !(process.env.RMQ_VERSION ?? '5').startsWith('4'),
} as const;

export const SANDBOX_DIR = process.env.SANDBOX_DIR ?? path.resolve(import.meta.dirname, '../.sandbox', LIVE.version);

/** pid of a sandbox process (namesrv, broker-a-0, broker-a-1, broker-b-0). */
export function sandboxPid(proc: string): number {
  return Number(readFileSync(path.join(SANDBOX_DIR, 'pids', `${proc}.pid`), 'utf8').trim());
}

/** Makes a broker "slow" (SIGSTOP: its socket stays open, nothing answers) for the duration of fn. */
export async function withBrokerFrozen<T>(proc: string, fn: () => Promise<T>): Promise<T> {
  const pid = sandboxPid(proc);
  process.kill(pid, 'SIGSTOP');
  try {
    return await fn();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}
