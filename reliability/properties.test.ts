import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameSplitter, decodeFrame, type RemotingCommand } from '../lib/remoting';
import { parseFastjson } from '../lib/rocketmq/fastjson';
import { decodeOffsetMessageId, encodeOffsetMessageId } from '../lib/rocketmq/message-id';

/** A command as a broker could send it: any code, opaque and flag, text fields with any characters, any body. */
const command = fc.record({
  code: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  language: fc.constantFrom('JAVA', 'CPP', 'GO', 'RUST'),
  version: fc.integer({ min: 0, max: 1000 }),
  opaque: fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  flag: fc.integer({ min: 0, max: 3 }),
  remark: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
  extFields: fc.dictionary(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary' })),
  body: fc.option(fc.uint8Array({ minLength: 1, maxLength: 2048 }).map((a) => Buffer.from(a)), { nil: undefined }),
});

describe('round trips (fast-check)', () => {
  it('a frame comes back as it was sent, split at any byte boundaries the socket may cut it', () => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (commands, cuts) => {
        const stream = Buffer.concat(commands.map((c) => encodeFrame(c)));
        const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
        const splitter = new FrameSplitter();
        const got: RemotingCommand[] = [];
        let from = 0;
        for (const at of [...points, stream.length]) {
          splitter.push(stream.subarray(from, at), (f) => got.push(decodeFrame(f)));
          from = at;
        }
        expect(got.map((g) => ({ code: g.code, opaque: g.opaque, flag: g.flag, remark: g.remark, extFields: g.extFields, body: g.body && g.body.length > 0 ? g.body : undefined }))).toEqual(
          commands.map((c) => ({ code: c.code, opaque: c.opaque, flag: c.flag, remark: c.remark, extFields: c.extFields, body: c.body })),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('the fastjson parser reads any JSON document as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseFastjson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('an offset message id comes back as the address and commit-log offset it was made from; one past 2^53 is no id, not a rounded offset', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 65535 }), fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }), (ip, port, offset) => {
        const back = decodeOffsetMessageId(encodeOffsetMessageId(`${ip}:${port}`, offset));
        if (offset > BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(back).toBeUndefined();
        } else {
          expect(back?.address).toBe(`${ip}:${port}`);
          expect(BigInt(back!.commitLogOffset)).toBe(offset);
        }
      }),
      { numRuns: 500 },
    );
  });
});
