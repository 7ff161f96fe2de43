/**
 * Decoders under mutation: every decoder fed inputs mutated from the recorded fixtures. A decoder may return or
 * throw its own typed error; a runtime fault (isUntyped), a slow input or a large allocation is what this counts.
 */
import { performance } from 'node:perf_hooks';
import type { RemotingCommand } from '../lib/remoting';
import { decodeClientMessageId, decodeOffsetMessageId } from '../lib/rocketmq/message-id';
import { decodeStoredMessages } from '../lib/rocketmq/stored-message';
import { decodeTraceBody } from '../lib/rocketmq/trace-records';
import { decodeStream, isUntyped, loadDecoders } from './decoders';
import { MUTATIONS, mutate, prng, type Mutation } from './mutate';

export interface Crash {
  target: string;
  mutation: Mutation | 'field';
  error: string;
  /** The first bytes of the input, hex, to replay it. */
  sample: string;
}

export interface FuzzFigures {
  inputs: number;
  targets: number;
  /** Inputs a decoder answered (returned a value). */
  decoded: number;
  /** Inputs a decoder refused with its own error. */
  refused: number;
  /** Runtime faults: how many, and the first 50 of them. */
  crashCount: number;
  crashes: Crash[];
  /** Inputs that took longer than the bound. */
  slow: number;
  slowestMs: number;
  /** The slowest input: what it was fed to, how it was made, its size. */
  slowest?: { target: string; mutation: Mutation; bytes: number };
  peakRssMb: number;
  /** Decoders not fuzzed, and why. */
  skipped: string[];
  ms: number;
}

interface Target {
  name: string;
  seed: Buffer;
  run: (input: Buffer, mutation: Mutation, rand: () => number) => unknown;
}

/** Strange values for a header field: empty, signs, beyond 2^53, not numbers, huge. */
const FIELD_VALUES = ['', '-1', '-9223372036854775808', '9007199254740993', '1e400', 'NaN', 'true', 'null', '{', '[', '"', '\u0000', 'x'.repeat(1 << 16)];

function withBody(reply: RemotingCommand, body: Buffer): RemotingCommand {
  return { ...reply, body };
}

function withField(reply: RemotingCommand, rand: () => number, input: Buffer): RemotingCommand {
  const keys = Object.keys(reply.extFields ?? {});
  if (keys.length === 0) return reply;
  const key = keys[Math.floor(rand() * keys.length)]!;
  const value = rand() < 0.5 ? FIELD_VALUES[Math.floor(rand() * FIELD_VALUES.length)]! : input.toString('latin1');
  return { ...reply, extFields: { ...reply.extFields, [key]: value } };
}

async function targetsOf(): Promise<{ targets: Target[]; skipped: string[] }> {
  const { operations, skipped } = await loadDecoders();
  const targets: Target[] = [];
  const bodies: Buffer[] = [];
  for (const op of operations) {
    for (const f of op.fixtures) {
      targets.push({ name: `frame ${op.operation}/${f.file}`, seed: f.stream, run: (input) => decodeStream(input) });
      if (f.reply.body && f.reply.body.length > 0) bodies.push(f.reply.body);
      for (const d of op.decoders) {
        const field = f.reply.extFields && Object.keys(f.reply.extFields).length > 0;
        const seed = f.reply.body && f.reply.body.length > 0 ? f.reply.body : Buffer.from(Object.values(f.reply.extFields ?? {}).join(','), 'latin1');
        targets.push({
          name: `${op.operation}.${d.name} ${f.file}`,
          seed,
          run: (input, _mutation, rand) => d.decode(f.reply.body && f.reply.body.length > 0 && (!field || rand() < 0.8) ? withBody(f.reply, input) : withField(f.reply, rand, input)),
        });
      }
    }
  }
  // the bodies that hold stored messages (queries, lookups, pulls): every compression the fixtures have
  const stored = bodies.filter((b) => {
    try {
      return decodeStoredMessages(b).length > 0;
    } catch {
      return false;
    }
  });
  for (const [i, b] of stored.entries()) {
    targets.push({ name: `decodeStoredMessages #${i}`, seed: b, run: (input) => decodeStoredMessages(input) });
    const first = decodeStoredMessages(b)[0]!;
    targets.push({ name: `decodeTraceBody #${i}`, seed: first.body, run: (input) => decodeTraceBody(input) });
    targets.push({ name: `message ids #${i}`, seed: Buffer.from(`${first.msgId} ${first.offsetMsgId}`, 'latin1'), run: (input) => input.toString('latin1').split(' ').map((id) => [decodeOffsetMessageId(id), decodeClientMessageId(id)]) });
  }
  return { targets, skipped };
}

/**
 * `slowMs`: the time bound of an input of up to 64 KiB; a larger one (the repeated blocks and deep nesting reach
 * 1.2 MB) may take `perMbMs` more per MiB, as any parser needs time in proportion to what it reads.
 */
export async function fuzzDecoders({ inputs, seed = 1, slowMs = 100, perMbMs = 250 }: { inputs: number; seed?: number; slowMs?: number; perMbMs?: number }): Promise<FuzzFigures> {
  const started = performance.now();
  const { targets, skipped } = await targetsOf();
  const rand = prng(seed);
  const figures: FuzzFigures = { inputs: 0, targets: targets.length, decoded: 0, refused: 0, crashCount: 0, crashes: [], slow: 0, slowestMs: 0, peakRssMb: 0, skipped, ms: 0 };
  for (let i = 0; i < inputs; i++) {
    const target = targets[i % targets.length]!;
    const mutation = MUTATIONS[Math.floor(rand() * MUTATIONS.length)]!;
    const input = mutate(target.seed, mutation, rand);
    const t0 = performance.now();
    try {
      target.run(input, mutation, rand);
      figures.decoded++;
    } catch (error) {
      if (isUntyped(error)) {
        figures.crashCount++;
        if (figures.crashes.length < 50) figures.crashes.push({ target: target.name, mutation, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error), sample: input.subarray(0, 64).toString('hex') });
      } else figures.refused++;
    }
    let took = performance.now() - t0;
    const bound = slowMs + (perMbMs * input.length) / 2 ** 20;
    // a hang is slow every time; one over the bound once may have waited on a busy machine (CI runs this beside two
    // booting sandboxes): it is timed again, and slow only if it is slow twice
    if (took > bound) took = Math.min(took, timeAgain(() => target.run(input, mutation, rand)));
    if (took > bound) figures.slow++;
    if (took > figures.slowestMs) {
      figures.slowestMs = took;
      figures.slowest = { target: target.name, mutation, bytes: input.length };
    }
    figures.inputs++;
    if (i % 5000 === 0) figures.peakRssMb = Math.max(figures.peakRssMb, process.memoryUsage.rss() / 2 ** 20);
  }
  figures.peakRssMb = Math.round(Math.max(figures.peakRssMb, process.memoryUsage.rss() / 2 ** 20));
  figures.ms = Math.round(performance.now() - started);
  return figures;
}

function timeAgain(run: () => void): number {
  const t0 = performance.now();
  try {
    run();
  } catch {
    // its outcome was counted the first time
  }
  return performance.now() - t0;
}
