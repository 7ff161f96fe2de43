import { describe, expect, it } from 'vitest';
import { fixtureBytes, fixtureVersions } from '../../test-support/fixtures';
import { BufferReader } from './buffer';
import { FrameSizeError, FrameSplitter, decodeFrame, encodeFrame } from './frame';

describe('encodeFrame', () => {
  it('writes length, JSON header mark and header, then the body', () => {
    const body = Buffer.from('payload');
    const bytes = encodeFrame({ code: 105, language: 'JAVA', version: 479, opaque: 7, flag: 0, extFields: { topic: 'T' }, body });
    const reader = new BufferReader(bytes);
    const length = reader.int32();
    expect(length).toBe(bytes.length - 4);
    const mark = reader.int32();
    expect(mark >>> 24).toBe(0);
    const header = JSON.parse(reader.utf8(mark & 0xffffff));
    expect(header).toEqual({ code: 105, language: 'JAVA', version: 479, opaque: 7, flag: 0, extFields: { topic: 'T' } });
    expect(reader.bytes(reader.remaining).toString()).toBe('payload');
  });

  it('round-trips through the splitter and decoder', () => {
    const frames: Buffer[] = [];
    const bytes = encodeFrame({ code: 12, language: 'JAVA', version: 479, opaque: 99, flag: 1, remark: 'ok', extFields: { a: '1' } });
    new FrameSplitter().push(bytes, (f) => frames.push(f));
    expect(decodeFrame(frames[0]!)).toMatchObject({ code: 12, opaque: 99, flag: 1, remark: 'ok', extFields: { a: '1' }, serializeType: 'JSON' });
  });
});

describe('decodeFrame on a field named __proto__', () => {
  const framed = (mark: number, header: Buffer): Buffer => {
    const out = Buffer.alloc(8 + header.length);
    out.writeInt32BE(4 + header.length, 0);
    out.writeInt32BE((mark << 24) | header.length, 4);
    header.copy(out, 8);
    return out;
  };

  it('keeps it as a field of a JSON header, not as the prototype', () => {
    const header = Buffer.from('{"code":0,"opaque":1,"flag":1,"extFields":{"__proto__":"x","topic":"T"}}');
    const reply = decodeFrame(framed(0, header).subarray(4));
    expect(Object.getPrototypeOf(reply.extFields)).toBe(Object.prototype);
    expect(Object.entries(reply.extFields)).toEqual([['__proto__', 'x'], ['topic', 'T']]);
  });

  it('keeps it as a field of a ROCKETMQ binary header', () => {
    const field = (key: string, value: string): Buffer => {
      const k = Buffer.from(key);
      const v = Buffer.from(value);
      const b = Buffer.alloc(2 + k.length + 4 + v.length);
      b.writeInt16BE(k.length, 0);
      k.copy(b, 2);
      b.writeInt32BE(v.length, 2 + k.length);
      v.copy(b, 6 + k.length);
      return b;
    };
    const ext = Buffer.concat([field('__proto__', 'x'), field('topic', 'T')]);
    const fixed = Buffer.alloc(2 + 1 + 2 + 4 + 4 + 4 + 4);
    fixed.writeInt16BE(0, 0);
    fixed.writeInt8(0, 2);
    fixed.writeInt16BE(513, 3);
    fixed.writeInt32BE(1, 5);
    fixed.writeInt32BE(1, 9);
    fixed.writeInt32BE(0, 13);
    fixed.writeInt32BE(ext.length, 17);
    const reply = decodeFrame(framed(1, Buffer.concat([fixed, ext])).subarray(4));
    expect(reply.serializeType).toBe('ROCKETMQ');
    expect(Object.entries(reply.extFields)).toEqual([['__proto__', 'x'], ['topic', 'T']]);
  });
});

describe('decodeFrame on recorded replies', () => {
  it('decodes a JSON header (5.x namesrv)', () => {
    const frames: Buffer[] = [];
    new FrameSplitter().push(fixtureBytes('get-kv-config', '5.5.0', 'order-conf'), (f) => frames.push(f));
    const reply = decodeFrame(frames[0]!);
    expect(reply).toMatchObject({ code: 0, flag: 1, opaque: 1, serializeType: 'JSON', version: 513 });
    expect(reply.extFields.value).toBe('broker-b:4;broker-a:4');
  });

  // recorded from 5.x only: a 4.9 namesrv answers JSON whatever it is told (sandbox/scripts/fixture-cases.ts)
  it.each(fixtureVersions('get-kv-config', 'binary-header', ['5.5.0']))('decodes a ROCKETMQ binary header from a %s namesrv run with rocketmq.serialize.type=ROCKETMQ', (version) => {
    const frames: Buffer[] = [];
    new FrameSplitter().push(fixtureBytes('get-kv-config', version, 'binary-header'), (f) => frames.push(f));
    const reply = decodeFrame(frames[0]!);
    expect(reply).toMatchObject({ code: 0, language: 'JAVA', version: 513, opaque: 1, flag: 1, serializeType: 'ROCKETMQ' });
    expect(reply.remark).toBeUndefined();
    expect(reply.extFields).toEqual({ value: 'broker-b:4;broker-a:4' });
  });

  it('rejects a header length that passes the end of the frame', () => {
    const frame = Buffer.alloc(8);
    frame.writeInt32BE(100, 0);
    expect(() => decodeFrame(frame)).toThrow(RangeError);
  });
});

describe('FrameSplitter', () => {
  const recorded = Buffer.concat([
    fixtureBytes('get-topic-stats-info', '5.5.0', 'LabTopic'),
    fixtureBytes('get-kv-config', '5.5.0', 'order-conf'),
    fixtureBytes('get-broker-cluster-info', '5.5.0', 'cluster'),
  ]);

  it('yields the same frames however the stream is cut', () => {
    const whole: string[] = [];
    new FrameSplitter().push(recorded, (f) => whole.push(f.toString('hex')));
    expect(whole).toHaveLength(3);
    for (const cut of [1, 3, 4, 5, 17, 100, 631, 632, 633]) {
      const splitter = new FrameSplitter();
      const got: Buffer[] = [];
      for (let i = 0; i < recorded.length; i += cut) splitter.push(recorded.subarray(i, i + cut), (f) => got.push(f));
      expect(got.map((f) => f.toString('hex')), `cut ${cut}`).toEqual(whole);
      expect(splitter.buffered).toBe(0);
    }
  });

  it('keeps earlier frames intact while later chunks arrive', () => {
    const splitter = new FrameSplitter();
    const got: Buffer[] = [];
    const first = fixtureBytes('get-kv-config', '5.5.0', 'order-conf');
    splitter.push(Buffer.concat([first, recorded.subarray(0, 10)]), (f) => got.push(f));
    const before = got[0]!.toString('hex');
    splitter.push(recorded.subarray(10), (f) => got.push(f));
    expect(got[0]!.toString('hex')).toBe(before);
    expect(got).toHaveLength(4);
  });

  it('refuses a declared length above the cap before buffering it', () => {
    const splitter = new FrameSplitter(1024);
    const header = Buffer.alloc(4);
    header.writeInt32BE(5000, 0);
    expect(() => splitter.push(header, () => undefined)).toThrow(FrameSizeError);
  });
});
