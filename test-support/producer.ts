/** Sends messages with the official Java producer (sandbox/java/Producer.java, trace on) for a live test. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSent, type SentMessage } from './mqadmin-messages';
import { LIVE, type Sandbox } from './sandbox';

const jrun = path.resolve(import.meta.dirname, '../sandbox/scripts/jrun.sh');

/**
 * Runs Producer.java against a sandbox (LIVE by default); returns what it sent, as it printed it. A run that failed
 * before sending anything (a busy machine: its first namesrv call timed out or its connection failed) is run again,
 * three times at most, a little later each time; one that
 * sent part of its messages is not, since that would send them twice.
 */
export async function produce(args: string[], on: Sandbox = LIVE): Promise<SentMessage[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await promisify(execFile)('bash', [jrun, 'Producer.java', '--ns', on.namesrv, ...args], {
        env: { ...process.env, RMQ_VERSION: on.version, SANDBOX_DIR: on.dir },
        maxBuffer: 64 * 1024 * 1024,
      });
      return parseSent(stdout);
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      if (attempt >= 4 || parseSent(stdout).length > 0 || !/RemotingTimeoutException|RemotingSendRequestException|RemotingConnectException/.test(stderr)) throw error;
      // a machine that busy (CI: three route lookups in a row timed out) needs a moment, not an immediate retry
      await new Promise((r) => setTimeout(r, 2000 * attempt));
    }
  }
}
