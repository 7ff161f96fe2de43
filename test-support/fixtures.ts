/** Test support: read reply frames that sandbox/scripts/record-fixtures.ts recorded from a real broker. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FrameSplitter, decodeFrame, type RemotingCommand, type RemotingRequest } from '../lib/remoting';
import type { Invoker } from '../lib/rocketmq/invoke';

const root = path.resolve(import.meta.dirname, '../lib/rocketmq');

/** The versions fixtures are recorded from (sandbox/scripts/record-all-fixtures.sh). */
export const FIXTURE_VERSIONS: readonly string[] = ['4.9.8', '5.5.0'];

/**
 * Versions that have a recorded fixture `<version>-<name>.bin` for this operation, for `describe.each`. Throws unless
 * they are exactly `expected` (every recorded version, or the subset a 5.x-only case has): an empty `.each` table
 * would make its tests vanish without a failure.
 */
export function fixtureVersions(operation: string, name: string, expected: readonly string[] = FIXTURE_VERSIONS): string[] {
  const dir = path.join(root, operation, 'fixtures');
  const pattern = new RegExp(`^(\\d+\\.\\d+\\.\\d+)-${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.bin$`);
  const found = existsSync(dir)
    ? readdirSync(dir)
        .map((f) => pattern.exec(f)?.[1])
        .filter((v): v is string => v !== undefined)
        .sort()
    : [];
  const want = [...expected].sort();
  if (found.join(' ') !== want.join(' ')) {
    throw new Error(`fixtures ${operation}/<version>-${name}.bin: found [${found.join(', ')}], expected [${want.join(', ')}] (sandbox/scripts/record-all-fixtures.sh records them)`);
  }
  return found;
}

export function fixtureBytes(operation: string, version: string, name: string): Buffer {
  return readFileSync(path.join(root, operation, 'fixtures', `${version}-${name}.bin`));
}

/** The recorded frame decoded as our connection would: split, then decode. */
export function loadReply(operation: string, version: string, name: string): RemotingCommand {
  const frames: RemotingCommand[] = [];
  new FrameSplitter().push(fixtureBytes(operation, version, name), (f) => frames.push(decodeFrame(f)));
  if (frames.length !== 1) throw new Error(`${operation}/${version}-${name}: expected one frame, got ${frames.length}`);
  return frames[0]!;
}

export interface ReplayCall {
  addr: string;
  request: RemotingRequest;
  timeoutMs: number;
}

/**
 * An Invoker that answers the operation under test with recorded replies, one per call in this order (each
 * [operation, name] of `version`), and keeps what it was asked; a call beyond the recorded replies fails.
 */
export function replayInvoker(version: string, ...replies: Array<[operation: string, name: string]>): { invoker: Invoker; calls: ReplayCall[] } {
  const calls: ReplayCall[] = [];
  const invoker: Invoker = {
    invoke: async (addr, request, { timeoutMs }) => {
      const next = replies[calls.length];
      calls.push({ addr, request, timeoutMs });
      if (!next) throw new Error(`replay: call ${calls.length} (request ${request.code} to ${addr}) has no recorded reply`);
      return loadReply(next[0], version, next[1]);
    },
  };
  return { invoker, calls };
}

/** The addresses the fixtures were recorded at: both versions on the 5.x ports (record-all-fixtures.sh pins them). */
export const SANDBOX = {
  namesrv: '127.0.0.1:9876',
  brokerAMaster: '127.0.0.1:10911',
  brokerASlave: '127.0.0.1:10921',
  brokerBMaster: '127.0.0.1:10931',
} as const;
