/** Test support: read reply frames that sandbox/scripts/record-fixtures.ts recorded from a real broker. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FrameSplitter, decodeFrame, type RemotingCommand } from '../lib/remoting';

const root = path.resolve(import.meta.dirname, '../lib/rocketmq');

/** Versions that have a recorded fixture `<version>-<name>.bin` for this operation. */
export function fixtureVersions(operation: string, name: string): string[] {
  const dir = path.join(root, operation, 'fixtures');
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^(\\d+\\.\\d+\\.\\d+)-${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.bin$`);
  return readdirSync(dir)
    .map((f) => pattern.exec(f)?.[1])
    .filter((v): v is string => v !== undefined)
    .sort();
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

export const SANDBOX = {
  namesrv: '127.0.0.1:9876',
  brokerAMaster: '127.0.0.1:10911',
  brokerASlave: '127.0.0.1:10921',
  brokerBMaster: '127.0.0.1:10931',
} as const;
