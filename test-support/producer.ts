/** Sends messages with the official Java producer (sandbox/java/Producer.java, trace on) for a live test. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSent, type SentMessage } from './mqadmin-messages';
import { LIVE } from './sandbox';

const jrun = path.resolve(import.meta.dirname, '../sandbox/scripts/jrun.sh');

/** Runs Producer.java against the live sandbox; returns what it sent, as it printed it. */
export async function produce(args: string[]): Promise<SentMessage[]> {
  const { stdout } = await promisify(execFile)('bash', [jrun, 'Producer.java', '--ns', LIVE.namesrv, ...args], {
    env: { ...process.env, RMQ_VERSION: LIVE.version },
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseSent(stdout);
}
