/**
 * The stored-message format (MessageDecoder.decode): how a broker keeps a message in its commit log and hands it
 * back, one record after another, in the bodies of QUERY_MESSAGE (12), VIEW_MESSAGE_BY_ID (33), PULL_MESSAGE (11)
 * and in the request a broker relays for CONSUME_MESSAGE_DIRECTLY (309). Big-endian throughout.
 */
import * as zlib from 'node:zlib';
import { decompress as fzstdDecompress } from 'fzstd';
import { BufferReader } from '../remoting';
import { ipToString } from './message-id';

export const MAGIC_V1 = 0xdaa320a7 | 0;
/** 5.1+: written only for topics longer than 127 bytes; the topic length becomes an int16. */
export const MAGIC_V2 = 0xdaa320ab | 0;

/** MessageSysFlag bits. */
export const SysFlag = {
  COMPRESSED: 0x1,
  MULTI_TAGS: 0x2,
  TRANSACTION_MASK: 0xc,
  BORNHOST_V6: 0x10,
  STOREHOST_V6: 0x20,
  NEED_UNWRAP: 0x40,
  INNER_BATCH: 0x80,
  COMPRESSION_TYPE_MASK: 0x700,
} as const;

export type TransactionType = 'NOT_TYPE' | 'PREPARED' | 'COMMIT' | 'ROLLBACK';
export type CompressionType = 'ZLIB' | 'LZ4' | 'ZSTD';

export interface SysFlagInfo {
  compressed: boolean;
  multiTags: boolean;
  transaction: TransactionType;
  bornHostV6: boolean;
  storeHostV6: boolean;
  needUnwrap: boolean;
  innerBatch: boolean;
  /** Codec of a compressed body (bits 8-10; 0 means ZLIB for old clients); undefined when not compressed or unknown. */
  compressionType?: CompressionType;
}

const TRANSACTION: TransactionType[] = ['NOT_TYPE', 'PREPARED', 'COMMIT', 'ROLLBACK'];
const COMPRESSION: Array<CompressionType | undefined> = ['ZLIB', 'LZ4', 'ZSTD', 'ZLIB'];

/** One frozen answer per sysFlag value: a queue's messages share a handful, and a scan decodes millions. */
const sysFlagCache = new Map<number, SysFlagInfo>();

export function decodeSysFlag(sysFlag: number): SysFlagInfo {
  let info = sysFlagCache.get(sysFlag);
  if (!info) {
    info = Object.freeze(sysFlagInfo(sysFlag));
    if (sysFlagCache.size < 4096) sysFlagCache.set(sysFlag, info);
  }
  return info;
}

function sysFlagInfo(sysFlag: number): SysFlagInfo {
  return {
    compressed: (sysFlag & SysFlag.COMPRESSED) !== 0,
    multiTags: (sysFlag & SysFlag.MULTI_TAGS) !== 0,
    transaction: TRANSACTION[(sysFlag & SysFlag.TRANSACTION_MASK) >> 2]!,
    bornHostV6: (sysFlag & SysFlag.BORNHOST_V6) !== 0,
    storeHostV6: (sysFlag & SysFlag.STOREHOST_V6) !== 0,
    needUnwrap: (sysFlag & SysFlag.NEED_UNWRAP) !== 0,
    innerBatch: (sysFlag & SysFlag.INNER_BATCH) !== 0,
    compressionType: (sysFlag & SysFlag.COMPRESSED) !== 0 ? COMPRESSION[(sysFlag & SysFlag.COMPRESSION_TYPE_MASK) >> 8] : undefined,
  };
}

export interface StoredMessage {
  /** Size of the whole record (TOTALSIZE). */
  storeSize: number;
  magic: 'V1' | 'V2';
  bodyCRC: number;
  queueId: number;
  flag: number;
  queueOffset: number;
  commitLogOffset: number;
  /** As stored; Java clears bit 0 (COMPRESSED) after inflating, this keeps it. */
  sysFlag: number;
  sysFlags: SysFlagInfo;
  bornTimestamp: number;
  /** `ip:port` of the producer's socket. */
  bornHost: string;
  storeTimestamp: number;
  /** `ip:port` of the broker that stored it. */
  storeHost: string;
  reconsumeTimes: number;
  preparedTransactionOffset: number;
  topic: string;
  properties: Record<string, string>;
  tags?: string;
  /** KEYS split on spaces. */
  keys: string[];
  /** The client msgId (UNIQ_KEY), when the producer set one. */
  uniqKey?: string;
  /** What the Java client calls msgId: the UNIQ_KEY, else the offset msgId. */
  msgId: string;
  /** Store host + commit-log offset. */
  offsetMsgId: string;
  /** Inflated when the record was compressed and the codec is available here; a view into the reply otherwise. */
  body: Buffer;
  /** True when `body` is still compressed (codec unavailable, or the bytes did not inflate). */
  bodyCompressed: boolean;
  /** Why a compressed body was left as is. */
  bodyError?: string;
}

/** Decodes every record of a reply body, back to back. Throws RangeError on a truncated or unknown record. */
export function decodeStoredMessages(buffer: Buffer): StoredMessage[] {
  const messages: StoredMessage[] = [];
  let at = 0;
  while (at < buffer.length) {
    const message = decodeStoredMessage(buffer, at);
    messages.push(message);
    at += message.storeSize;
  }
  return messages;
}

/** Decodes one record starting at `start`. */
export function decodeStoredMessage(buffer: Buffer, start = 0): StoredMessage {
  if (buffer.length - start < 8) throw new RangeError(`stored message at ${start}: ${buffer.length - start} bytes left`);
  const storeSize = buffer.readInt32BE(start);
  if (storeSize < 8 || start + storeSize > buffer.length) {
    throw new RangeError(`stored message at ${start}: size ${storeSize} passes the end (${buffer.length})`);
  }
  const r = new BufferReader(buffer, start + 4, start + storeSize);
  const magicCode = r.int32();
  if (magicCode !== MAGIC_V1 && magicCode !== MAGIC_V2) {
    throw new RangeError(`stored message at ${start}: unknown magic code 0x${(magicCode >>> 0).toString(16)}`);
  }
  const bodyCRC = r.int32();
  const queueId = r.int32();
  const flag = r.int32();
  const queueOffset = r.int64();
  const commitLogOffsetAt = r.position;
  const commitLogOffset = r.int64();
  const sysFlag = r.int32();
  const sysFlags = decodeSysFlag(sysFlag);
  const bornTimestamp = r.int64();
  const bornHost = host(buffer, r, sysFlags.bornHostV6).text;
  const storeTimestamp = r.int64();
  const storeHost = host(buffer, r, sysFlags.storeHostV6);
  // store ip, port and commit-log offset as the record holds them, hexed (MessageDecoder.createMessageId)
  const offsetMsgId = storeHost.hex + hex8(buffer, commitLogOffsetAt);
  const reconsumeTimes = r.int32();
  const preparedTransactionOffset = r.int64();
  const stored = r.bytes(r.int32());
  const topic = topicText(buffer, r, magicCode === MAGIC_V2 ? r.int16() : r.int8());
  // Java reads the properties length as a signed short; the broker caps properties at Short.MAX_VALUE anyway
  const properties = parseProperties(r.utf8(r.uint16()));
  const uniqKey = properties.UNIQ_KEY;
  return {
    storeSize,
    magic: magicCode === MAGIC_V2 ? 'V2' : 'V1',
    bodyCRC,
    queueId,
    flag,
    queueOffset,
    commitLogOffset,
    sysFlag,
    sysFlags,
    bornTimestamp,
    bornHost,
    storeTimestamp,
    storeHost: storeHost.text,
    reconsumeTimes,
    preparedTransactionOffset,
    topic,
    properties,
    tags: properties.TAGS,
    keys: (properties.KEYS ?? '').split(' ').filter((k) => k !== ''),
    uniqKey,
    msgId: uniqKey ?? offsetMsgId,
    offsetMsgId,
    ...body(stored, sysFlags),
  };
}

interface Host {
  /** `ip:port` */
  text: string;
  /** Upper-case hex of the address and port bytes, as they lead an offset msgId. */
  hex: string;
}

/** IPv4 hosts by ip * 65536 + port: a queue's messages come from a few producers and one store host. */
const hostCache = new Map<number, Host>();

function host(buffer: Buffer, r: BufferReader, v6: boolean): Host {
  const at = r.position;
  const ip = r.bytes(v6 ? 16 : 4);
  const port = r.int32();
  const cacheable = !v6 && port >= 0 && port <= 0xffff;
  const key = cacheable ? buffer.readUInt32BE(at) * 65536 + port : -1;
  const cached = cacheable ? hostCache.get(key) : undefined;
  if (cached) return cached;
  const made = { text: `${ipToString(ip)}:${port}`, hex: buffer.toString('hex', at, at + ip.length + 4).toUpperCase() };
  if (cacheable) {
    if (hostCache.size >= 4096) hostCache.clear();
    hostCache.set(key, made);
  }
  return made;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

/** Upper-case hex of the 8 bytes at `at`. */
function hex8(buffer: Buffer, at: number): string {
  let out = '';
  for (let i = at; i < at + 8; i++) out += HEX[buffer[i]!]!;
  return out;
}

/** The last topic decoded, reused while the bytes are the same: every message of a pull has the same topic. */
let lastTopic = { bytes: Buffer.alloc(0), text: '' };

function topicText(buffer: Buffer, r: BufferReader, length: number): string {
  const at = r.position;
  if (length === lastTopic.bytes.length && at + length <= buffer.length && buffer.compare(lastTopic.bytes, 0, length, at, at + length) === 0) {
    r.bytes(length);
    return lastTopic.text;
  }
  const text = r.utf8(length);
  lastTopic = { bytes: Buffer.from(buffer.subarray(at, at + length)), text };
  return text;
}

/**
 * Properties text: `name U+0001 value U+0002` repeated (MessageDecoder.string2messageProperties). Like Java, pairs
 * with an empty name or value are dropped, a value keeps any further U+0001, and a later duplicate wins.
 */
export function parseProperties(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\u0002', at);
    if (end < 0) end = text.length;
    const sep = text.indexOf('\u0001', at);
    if (sep > at && sep < end - 1) {
      const name = text.slice(at, sep);
      const value = text.slice(sep + 1, end);
      // a "__proto__" name stays a plain key, as Object.fromEntries would keep it
      if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      else out[name] = value;
    }
    at = end + 1;
  }
  return out;
}

function body(stored: Buffer, flags: SysFlagInfo): Pick<StoredMessage, 'body' | 'bodyCompressed' | 'bodyError'> {
  if (!flags.compressed || stored.length === 0) return { body: stored, bodyCompressed: false };
  try {
    switch (flags.compressionType) {
      case 'ZLIB':
        return { body: zlib.inflateSync(stored), bodyCompressed: false };
      case 'LZ4':
        return { body: lz4FrameDecompress(stored), bodyCompressed: false };
      case 'ZSTD': {
        // node:zlib has zstd from Node 22.15 / 23.8; before that, fzstd (pure JS) decodes it
        const zstd = (zlib as { zstdDecompressSync?: (b: Buffer) => Buffer }).zstdDecompressSync;
        return { body: zstd ? zstd(stored) : Buffer.from(fzstdDecompress(stored)), bodyCompressed: false };
      }
      default:
        return { body: stored, bodyCompressed: true, bodyError: 'unknown compression type' };
    }
  } catch (error) {
    return { body: stored, bodyCompressed: true, bodyError: `${flags.compressionType}: ${(error as Error).message}` };
  }
}

const LZ4_MAGIC = 0x184d2204;

/**
 * LZ4 frame format (what lz4-java's LZ4FrameOutputStream writes for RocketMQ's Lz4Compressor): header, then blocks
 * (int32 LE size, high bit = stored uncompressed), an empty block ends the frame. Checksums are skipped, not
 * verified. Linked blocks work because every block decodes into the one output buffer. Skippable frames are skipped.
 */
export function lz4FrameDecompress(input: Buffer): Buffer {
  const out = new GrowableBuffer(input.length * 4);
  let at = 0;
  while (at < input.length) {
    const magic = input.readUInt32LE(at);
    at += 4;
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      at += 4 + input.readUInt32LE(at);
      continue;
    }
    if (magic !== LZ4_MAGIC) throw new RangeError(`not an LZ4 frame (magic 0x${magic.toString(16)})`);
    const flg = input[at]!;
    if (flg >> 6 !== 1) throw new RangeError(`LZ4 frame version ${flg >> 6}`);
    const blockChecksum = (flg & 0x10) !== 0;
    const contentChecksum = (flg & 0x04) !== 0;
    at += 2 + ((flg & 0x08) !== 0 ? 8 : 0) + ((flg & 0x01) !== 0 ? 4 : 0) + 1; // FLG BD [size] [dictId] HC
    for (;;) {
      const size = input.readUInt32LE(at);
      at += 4;
      if (size === 0) break;
      const length = size & 0x7fffffff;
      if (at + length > input.length) throw new RangeError('LZ4 block passes the end of the input');
      if (size & 0x80000000) out.append(input.subarray(at, at + length));
      else lz4Block(input, at, at + length, out);
      at += length + (blockChecksum ? 4 : 0);
    }
    if (contentChecksum) at += 4;
  }
  return out.view();
}

/** One LZ4 block: sequences of literals then a back-reference into what was written so far. */
function lz4Block(src: Buffer, start: number, end: number, out: GrowableBuffer): void {
  let i = start;
  while (i < end) {
    const token = src[i++]!;
    let literals = token >> 4;
    if (literals === 15) {
      let b;
      do literals += b = src[i++]!;
      while (b === 255);
    }
    if (i + literals > end) throw new RangeError('LZ4 literals pass the end of the block');
    out.append(src.subarray(i, i + literals));
    i += literals;
    if (i >= end) break; // the last sequence has literals only
    const offset = src[i]! | (src[i + 1]! << 8);
    i += 2;
    let matchLength = token & 15;
    if (matchLength === 15) {
      let b;
      do matchLength += b = src[i++]!;
      while (b === 255);
    }
    out.copyWithin(offset, matchLength + 4);
  }
}

class GrowableBuffer {
  private buffer: Buffer;
  private length = 0;

  constructor(initial: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(initial, 64));
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.length + extra, this.buffer.length * 2));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }

  append(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Copies `count` bytes from `offset` back; byte by byte when they overlap (a run repeats itself). */
  copyWithin(offset: number, count: number): void {
    if (offset === 0 || offset > this.length) throw new RangeError(`LZ4 match offset ${offset} outside the output`);
    this.ensure(count);
    const from = this.length - offset;
    if (offset >= count) this.buffer.copy(this.buffer, this.length, from, from + count);
    else for (let k = 0; k < count; k++) this.buffer[this.length + k] = this.buffer[from + k]!;
    this.length += count;
  }

  view(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}
