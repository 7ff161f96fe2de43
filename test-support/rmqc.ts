/** Test support: rmqc (bin/rmqc.mjs) run as an operator runs it, as a child process with no terminal on stdin. */
import { execFile } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '../bin/rmqc.mjs');

export interface RmqcRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runRmqc(args: string[], timeoutMs = 90_000): Promise<RmqcRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { timeout: timeoutMs }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/** The rows of an --ndjson answer. */
export const ndjson = <T>(text: string): T[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
