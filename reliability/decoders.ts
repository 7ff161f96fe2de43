/**
 * Every decoder the console runs on bytes from a broker, with the recorded fixtures it is fed: the frame layer
 * (splitter and both header kinds) on each recorded stream, and each operation's decode* exports on its replies.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { FrameSplitter, decodeFrame, type RemotingCommand } from '../lib/remoting';

const ROCKETMQ = path.resolve(import.meta.dirname, '../lib/rocketmq');

export interface Fixture {
  operation: string;
  file: string;
  /** The bytes as they came off the socket (length prefix included). */
  stream: Buffer;
  reply: RemotingCommand;
}

export type Decode = (reply: RemotingCommand) => unknown;

export interface OperationDecoders {
  operation: string;
  fixtures: Fixture[];
  decoders: Array<{ name: string; decode: Decode }>;
}

/** Splits and decodes a stream as a connection does: every complete frame, then the rest waits for more bytes. */
export function decodeStream(stream: Buffer, maxFrameBytes?: number): RemotingCommand[] {
  const out: RemotingCommand[] = [];
  new FrameSplitter(maxFrameBytes).push(stream, (frame) => out.push(decodeFrame(frame)));
  return out;
}

/**
 * The operations with recorded replies, each with its decode* exports that take a reply alone and accept every one
 * of its recorded fixtures (a decoder that needs more than the reply, or belongs to another fixture's shape, is not
 * fuzzed with these: `skipped` names them).
 */
export async function loadDecoders(): Promise<{ operations: OperationDecoders[]; skipped: string[] }> {
  const operations: OperationDecoders[] = [];
  const skipped: string[] = [];
  for (const operation of readdirSync(ROCKETMQ).sort()) {
    const dir = path.join(ROCKETMQ, operation, 'fixtures');
    if (!existsSync(dir) || !existsSync(path.join(ROCKETMQ, operation, 'index.ts'))) continue;
    const fixtures = readdirSync(dir)
      .filter((f) => f.endsWith('.bin') && !f.includes('.request.'))
      .map((file) => {
        const stream = readFileSync(path.join(dir, file));
        return { operation, file, stream, reply: decodeStream(stream)[0]! };
      })
      .filter((f) => f.reply !== undefined);
    const mod = (await import(path.join(ROCKETMQ, operation, 'index.ts'))) as Record<string, unknown>;
    const decoders: OperationDecoders['decoders'] = [];
    for (const [name, fn] of Object.entries(mod)) {
      if (!name.startsWith('decode') || typeof fn !== 'function') continue;
      const decode = (reply: RemotingCommand) => (fn as (r: RemotingCommand) => unknown)(reply);
      // a decoder takes the fixtures it was written for: those of the right reply code decode without a runtime fault
      const usable = fixtures.some((f) => {
        try {
          decode(f.reply);
          return true;
        } catch (error) {
          return !isUntyped(error);
        }
      });
      if (usable) decoders.push({ name, decode });
      else skipped.push(`${operation}.${name}`);
    }
    if (decoders.length > 0 && fixtures.length > 0) operations.push({ operation, fixtures, decoders });
  }
  return { operations, skipped };
}

/**
 * A fault no decoder meant to raise: V8's own TypeErrors and RangeErrors (a property of undefined, a stack overflow,
 * an invalid length), Node's buffer errors (ERR_OUT_OF_RANGE, ERR_BUFFER_OUT_OF_BOUNDS), and anything not an Error.
 * The decoders' own checks throw TypeError, RangeError or SyntaxError with a message saying what was wrong.
 */
export function isUntyped(error: unknown): boolean {
  if (!(error instanceof Error)) return true;
  if ('code' in error && typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('ERR_')) return true;
  return /Cannot read propert|Cannot set propert|is not a function|is not iterable|is not a constructor|Cannot convert|Cannot destructure|Maximum call stack|Invalid array length|Invalid string length|Array buffer allocation failed|Reduce of empty array/.test(error.message);
}
