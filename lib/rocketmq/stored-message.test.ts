import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { BufferWriter } from '../remoting';
import { decodeOffsetMessageId, ipToBytes } from './message-id';
import { decodeStoredMessage, decodeStoredMessages, decodeSysFlag, lz4FrameDecompress, MAGIC_V1, MAGIC_V2, parseProperties } from './stored-message';
import { fixtureVersions, loadReply } from '../../test-support/fixtures';

const FIXTURE_TEXT = Array.from({ length: 80 }, (_, i) => `{"line":${i},"text":"a compressible fixture body, line ${i}"}\n`).join('');

describe.each(fixtureVersions('query-message', 'key'))('stored messages recorded from %s', (version) => {
  it('decodes records back to back, each exactly its TOTALSIZE', () => {
    const body = loadReply('query-message', version, 'key').body!;
    const messages = decodeStoredMessages(body);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.reduce((n, m) => n + m.storeSize, 0)).toBe(body.length);
    for (const m of messages.filter((x) => x.keys.includes('CUST-2'))) { // not an index hash collision
      expect(m).toMatchObject({ magic: 'V1', topic: 'LabTopic', sysFlag: 0, reconsumeTimes: 0, preparedTransactionOffset: 0, bodyCompressed: false });
      expect(m.properties.KEYS).toBe(m.keys.join(' '));
      expect(m.tags).toMatch(/^Tag[AB]$/);
      expect(m.msgId).toBe(m.properties.UNIQ_KEY);
      expect(decodeOffsetMessageId(m.offsetMsgId)).toMatchObject({ address: m.storeHost, commitLogOffset: m.commitLogOffset });
      expect(m.storeTimestamp).toBeGreaterThanOrEqual(m.bornTimestamp);
      expect(JSON.parse(m.body.toString())).toMatchObject({ order: Number(m.properties.a) });
    }
  });

  it('inflates the zlib body a Java compressor wrote (sysFlag 0x301: compressed, type ZLIB)', () => {
    const [m] = decodeStoredMessages(loadReply('view-message-by-id', version, 'zlib').body!);
    expect(m).toMatchObject({ sysFlag: 0x301, sysFlags: { compressed: true, compressionType: 'ZLIB' }, bodyCompressed: false, tags: 'TagZLIB' });
    expect(m!.body.toString()).toBe(FIXTURE_TEXT);
  });

  it('decodes the LZ4 frame lz4-java wrote (sysFlag 0x101)', () => {
    const [m] = decodeStoredMessages(loadReply('view-message-by-id', version, 'lz4').body!);
    expect(m).toMatchObject({ sysFlag: 0x101, sysFlags: { compressionType: 'LZ4' }, bodyCompressed: false });
    expect(m!.body.toString()).toBe(FIXTURE_TEXT);
  });

  it('decodes the ZSTD frame zstd-jni wrote (sysFlag 0x201), with node:zlib or fzstd', () => {
    const [m] = decodeStoredMessages(loadReply('view-message-by-id', version, 'zstd').body!);
    expect(m).toMatchObject({ sysFlag: 0x201, sysFlags: { compressionType: 'ZSTD' }, bodyCompressed: false });
    expect(m!.body.toString()).toBe(FIXTURE_TEXT);
  });

  it('decodes several compressed records back to back', () => {
    const messages = decodeStoredMessages(loadReply('query-message', version, 'compressed').body!);
    expect(messages.map((m) => m.sysFlags.compressionType).sort()).toEqual(['LZ4', 'ZLIB', 'ZSTD']);
    expect(messages.every((m) => m.keys.includes('FIXTURE-COMPRESSED'))).toBe(true);
  });
});

describe.each(fixtureVersions('query-message', 'trace-a'))('trace messages recorded from %s', (version) => {
  it('are plain on 5.x and zlib-compressed by the 4.9 trace producer', () => {
    const messages = ['trace-a', 'trace-b'].flatMap((n) => {
      const reply = loadReply('query-message', version, n);
      return reply.body ? decodeStoredMessages(reply.body) : [];
    });
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.topic).toBe('RMQ_SYS_TRACE_TOPIC');
      expect(m.bodyCompressed).toBe(false);
      // trace records separate their fields with \u0001 (TraceConstants.CONTENT_SPLITOR)
      // eslint-disable-next-line no-control-regex
      expect(m.body.toString()).toMatch(/^(Pub|SubBefore|SubAfter)\u0001/);
      if (version.startsWith('4')) expect(m.sysFlags).toMatchObject({ compressed: true, compressionType: 'ZLIB' });
    }
  });
});

/** A stored record as MessageDecoder.encode writes it, for the cases no sandbox produces. */
function encode(o: {
  topic?: string; sysFlag?: number; bornIp?: string; storeIp?: string; body?: Buffer; properties?: string; magic?: number; commitLogOffset?: number;
}): Buffer {
  const topic = Buffer.from(o.topic ?? 'T');
  const props = Buffer.from(o.properties ?? 'UNIQ_KEY\u0001ABC\u0002KEYS\u0001k1 k2\u0002TAGS\u0001t\u0002');
  const body = o.body ?? Buffer.from('hello');
  const magic = o.magic ?? MAGIC_V1;
  const w = new BufferWriter()
    .int32(0).int32(magic).int32(123).int32(2).int32(7).int64(5).int64(o.commitLogOffset ?? 1000).int32(o.sysFlag ?? 0)
    .int64(1_700_000_000_000).bytes(ipToBytes(o.bornIp ?? '10.0.0.9')!).int32(40000)
    .int64(1_700_000_000_010).bytes(ipToBytes(o.storeIp ?? '10.0.0.1')!).int32(10911)
    .int32(3).int64(77).int32(body.length).bytes(body);
  if (magic === MAGIC_V2) w.int16(topic.length);
  else w.int8(topic.length);
  w.bytes(topic).int16(props.length).bytes(props);
  const out = Buffer.from(w.flush());
  out.writeInt32BE(out.length, 0);
  return out;
}

describe('stored-message decoder on synthetic records', () => {
  it('reads every field of a V1 record', () => {
    expect(decodeStoredMessage(encode({}))).toMatchObject({
      magic: 'V1', bodyCRC: 123, queueId: 2, flag: 7, queueOffset: 5, commitLogOffset: 1000, bornTimestamp: 1_700_000_000_000,
      bornHost: '10.0.0.9:40000', storeTimestamp: 1_700_000_000_010, storeHost: '10.0.0.1:10911', reconsumeTimes: 3,
      preparedTransactionOffset: 77, topic: 'T', tags: 't', keys: ['k1', 'k2'], uniqKey: 'ABC', msgId: 'ABC',
      offsetMsgId: '0A00000100002A9F00000000000003E8',
    });
  });

  it('reads a V2 record (int16 topic length, 5.1+ for topics over 127 bytes)', () => {
    const topic = 'x'.repeat(200);
    expect(decodeStoredMessage(encode({ magic: MAGIC_V2, topic }))).toMatchObject({ magic: 'V2', topic });
  });

  it('reads IPv6 born and store hosts per sysFlag bits 0x10 and 0x20; the offset msgId grows to 56 chars', () => {
    const m = decodeStoredMessage(encode({ sysFlag: 0x30, bornIp: '::1', storeIp: 'fd00::1' }));
    expect(m).toMatchObject({ bornHost: '0:0:0:0:0:0:0:1:40000', storeHost: 'fd00:0:0:0:0:0:0:1:10911', sysFlags: { bornHostV6: true, storeHostV6: true } });
    expect(m.offsetMsgId).toHaveLength(56);
    expect(decodeOffsetMessageId(m.offsetMsgId)).toMatchObject({ address: m.storeHost, commitLogOffset: 1000 });
  });

  it('decodes the sysFlag bits', () => {
    expect(decodeSysFlag(0)).toEqual({ compressed: false, multiTags: false, transaction: 'NOT_TYPE', bornHostV6: false, storeHostV6: false, needUnwrap: false, innerBatch: false, compressionType: undefined });
    expect(decodeSysFlag(0x4).transaction).toBe('PREPARED');
    expect(decodeSysFlag(0x8).transaction).toBe('COMMIT');
    expect(decodeSysFlag(0xc).transaction).toBe('ROLLBACK');
    expect(decodeSysFlag(0x2 | 0x40 | 0x80)).toMatchObject({ multiTags: true, needUnwrap: true, innerBatch: true });
    expect(decodeSysFlag(0x1).compressionType).toBe('ZLIB'); // 0 = ZLIB, for clients older than the type bits
    expect(decodeSysFlag(0x1 | 0x400).compressionType).toBeUndefined();
  });

  it('inflates a zlib body with type bits 0 (old clients) and leaves an unknown codec compressed', () => {
    const zipped = zlib.deflateSync(Buffer.from('hello'), { level: 5 });
    expect(decodeStoredMessage(encode({ sysFlag: 0x1, body: zipped })).body.toString()).toBe('hello');
    expect(decodeStoredMessage(encode({ sysFlag: 0x401, body: zipped }))).toMatchObject({ bodyCompressed: true, bodyError: 'unknown compression type' });
    expect(decodeStoredMessage(encode({ sysFlag: 0x301, body: Buffer.from('not zlib') }))).toMatchObject({ bodyCompressed: true, bodyError: expect.stringMatching(/^ZLIB: /) });
  });

  it('falls back to the offset msgId without UNIQ_KEY', () => {
    const m = decodeStoredMessage(encode({ properties: '' }));
    expect(m.uniqKey).toBeUndefined();
    expect(m.msgId).toBe(m.offsetMsgId);
  });

  it('refuses truncated records and unknown magic codes', () => {
    const whole = encode({});
    expect(() => decodeStoredMessages(whole.subarray(0, whole.length - 1))).toThrow(RangeError);
    const blank = Buffer.from(whole);
    blank.writeInt32BE(0xcbd43194 | 0, 4);
    expect(() => decodeStoredMessage(blank)).toThrow(/magic/);
  });
});

describe('properties', () => {
  it('follows string2messageProperties: empty names or values dropped, later duplicates win, U+0001 kept in values', () => {
    expect(parseProperties('a\u00011\u0002\u00012\u0002b\u0001\u0002c\u0001x\u0001y\u0002a\u00013')).toEqual({ a: '3', c: 'x\u0001y' });
    expect(Object.getPrototypeOf(parseProperties('__proto__\u0001x\u0002'))).toBe(Object.prototype);
  });
});

describe('LZ4 frames', () => {
  const frame = (flg: number, ...blocks: Buffer[]) => Buffer.concat([Buffer.from([0x04, 0x22, 0x4d, 0x18, flg, 0x40, 0x00]), ...blocks, Buffer.alloc(4)]);
  const size = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n >>> 0); return b; };

  it('copies stored blocks and lets a linked block refer back into the previous one', () => {
    const stored = Buffer.concat([size(0x80000005), Buffer.from('hello')]);
    const linked = Buffer.from([0x01, 0x05, 0x00, 0x10, 0x21]); // match 5 bytes 5 back, then the literal "!"
    expect(lz4FrameDecompress(frame(0x40, stored, size(linked.length), linked)).toString()).toBe('hellohello!');
  });

  it('repeats overlapping matches byte by byte and reads extended lengths', () => {
    const block = Buffer.from([0x2f, 0x61, 0x62, 0x02, 0x00, 0x01, 0x00]); // "ab", then 15+1+4 = 20 bytes 2 back
    expect(lz4FrameDecompress(frame(0x60, size(block.length), block)).toString()).toBe('ab'.repeat(11));
  });

  it('refuses other data', () => {
    expect(() => lz4FrameDecompress(Buffer.from('plain text'))).toThrow(/not an LZ4 frame/);
  });
});
