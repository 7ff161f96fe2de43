/** Runs a push consumer of the official Java client (sandbox/java/Consumer.java, trace on) for a live test. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { LIVE, type Sandbox } from './sandbox';

const jrun = path.resolve(import.meta.dirname, '../sandbox/scripts/jrun.sh');

export interface RunningConsumer {
  /** What it printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM (its shutdown hook commits offsets and unregisters), SIGKILL after 20 s; resolves once it exited. */
  stop(): Promise<void>;
}

/** Starts Consumer.java with `args` (--group, --topic, --filter 'sql:...', ...) against a sandbox; it runs until stop(). */
export function startConsumer(args: string[], on: Sandbox = LIVE): RunningConsumer {
  // jrun.sh execs java, so the child is the JVM itself
  const child = spawn('bash', [jrun, 'Consumer.java', '--ns', on.namesrv, '--idle', '0', '--max', '0', ...args], {
    env: { ...process.env, RMQ_VERSION: on.version, SANDBOX_DIR: on.dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => text,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * startConsumer, resolved once the client printed `started` (subscribed and its rebalance service running). A start
 * that failed (on a busy machine its first namesrv call can time out) or said nothing for `waitMs` is started again,
 * twice at most; the last failure rejects with what the client printed.
 */
export async function startedConsumer(args: string[], on: Sandbox = LIVE, waitMs = 60_000): Promise<RunningConsumer> {
  for (let attempt = 1; ; attempt++) {
    const consumer = startConsumer(args, on);
    const deadline = Date.now() + waitMs;
    const failed = () => /Exception in thread "main"/.test(consumer.output());
    while (!/^started /m.test(consumer.output()) && !failed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (/^started /m.test(consumer.output())) return consumer;
    await consumer.stop();
    if (attempt === 3) throw new Error(`the consumer did not start:\n${consumer.output()}`);
  }
}

/**
 * Runs Consumer.java with `args` until it has been idle `idleSeconds` (or 120 s in all); everything it printed. A
 * client whose start failed (on a busy machine its first namesrv call can time out) is started again, twice at most.
 */
export async function consumeUntilIdle(args: string[], idleSeconds = 12, on: Sandbox = LIVE): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const consumer = startConsumer([...args, '--idle', String(idleSeconds), '--max', '120'], on);
    const deadline = Date.now() + 150_000;
    const startFailed = () => /Exception in thread "main"/.test(consumer.output()) && !/^started /m.test(consumer.output());
    while (!/^consumed \d+$/m.test(consumer.output()) && !startFailed() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    await consumer.stop();
    const out = consumer.output();
    if (/^consumed \d+$/m.test(out)) return out;
    if (!startFailed() || attempt === 3) throw new Error(`the consumer did not finish:\n${out}`);
  }
}
