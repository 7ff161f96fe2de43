/**
 * The client of sandbox/java/MqadminServer.java: the official mqadmin kept warm in one JVM per sandbox, so an oracle
 * call costs ~0.1-0.5 s instead of the 1.5-5 s of a fresh JVM (on CI a live suite spent most of its time starting
 * mqadmin). The server is started on demand (sandbox/scripts/mqadmin-server.sh) and found through the port file it
 * writes; stop-cluster.sh stops it. MQADMIN_SERVER=off runs each command in its own JVM as before.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Sandbox } from './sandbox';

const script = path.resolve(import.meta.dirname, '../sandbox/scripts/mqadmin-server.sh');
/** the server answers a command within 55 s; the rest covers commands queued before ours */
const REPLY_TIMEOUT_MS = 240_000;
const START_TIMEOUT_MS = 90_000;

export interface MqadminRun {
  stdout: string;
  stderr: string;
}

/** What execFile rejects with when a command exits non-zero or times out: callers read the same fields. */
export class MqadminExit extends Error {
  constructor(
    readonly code: number,
    readonly killed: boolean,
    readonly stdout: string,
    readonly stderr: string,
    args: string[],
  ) {
    super(`Command failed: mqadmin ${args.join(' ')}${killed ? ' (timed out)' : ` (exit ${code})`}\n${stderr}`);
    this.name = 'MqadminExit';
  }
}

export function serverEnabled(args: string[]): boolean {
  return process.env.MQADMIN_SERVER !== 'off' && args.every((a) => !a.includes('\n') && !a.includes('\u0000'));
}

function toolsDir(on: Sandbox): string {
  return path.join(on.dir, 'home', 'tools');
}

function portFile(on: Sandbox): string {
  return path.join(toolsDir(on), 'mqadmin-server.port');
}

function readPort(on: Sandbox): number | undefined {
  try {
    const port = Number(readFileSync(portFile(on), 'utf8').split(' ')[0]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

function startServer(on: Sandbox): void {
  mkdirSync(toolsDir(on), { recursive: true });
  // cwd: consumerStatus writes its running-info files where it runs
  spawn('bash', [script], {
    cwd: toolsDir(on),
    env: { ...process.env, RMQ_VERSION: on.version, SANDBOX_DIR: on.dir, SANDBOX_AUTH: on.auth ? 'on' : 'off' },
    detached: true,
    stdio: 'ignore',
  }).unref();
}

function exchange(port: number, args: string[]): Promise<{ exit: number; timedOut: boolean } & MqadminRun> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`${args.join('\u0000')}\n`));
    socket.setTimeout(REPLY_TIMEOUT_MS, () => socket.destroy(new Error(`mqadmin server: no answer to ${args[0]} in ${REPLY_TIMEOUT_MS / 1000} s`)));
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      const newline = buffer.indexOf(10);
      if (newline < 0) return;
      const [exit, outLength, errLength, timedOut] = buffer.subarray(0, newline).toString('utf8').split(' ');
      const start = newline + 1;
      const end = start + Number(outLength) + Number(errLength);
      if (buffer.length < end) return;
      socket.end();
      resolve({
        exit: Number(exit),
        timedOut: timedOut === 'true',
        stdout: buffer.subarray(start, start + Number(outLength)).toString('utf8'),
        stderr: buffer.subarray(start + Number(outLength), end).toString('utf8'),
      });
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`mqadmin server closed the connection before answering ${args[0]}`)));
  });
}

function refused(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  // refused or reset before the server took the connection: the command never ran, so asking again is safe
  return code === 'ECONNREFUSED' || code === 'ECONNRESET';
}

async function runningPort(on: Sandbox): Promise<number> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  startServer(on);
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const port = readPort(on);
    if (port !== undefined && (await accepts(port))) return port;
  }
  throw new Error(`mqadmin server for ${on.dir} did not start in ${START_TIMEOUT_MS / 1000} s (sandbox/scripts/mqadmin-server.sh)`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** One mqadmin command through the warm server (started when none answers); rejects as execFile would. */
export async function runOnServer(args: string[], on: Sandbox): Promise<MqadminRun> {
  let port = readPort(on);
  let reply;
  try {
    if (port === undefined) throw Object.assign(new Error('no mqadmin server'), { code: 'ECONNREFUSED' });
    reply = await exchange(port, args);
  } catch (error) {
    if (!refused(error)) throw error;
    rmSync(portFile(on), { force: true });
    port = await runningPort(on);
    reply = await exchange(port, args);
  }
  if (reply.exit !== 0 || reply.timedOut) throw new MqadminExit(reply.exit, reply.timedOut, reply.stdout, reply.stderr, args);
  return { stdout: reply.stdout, stderr: reply.stderr };
}
