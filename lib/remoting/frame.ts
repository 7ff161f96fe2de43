import { BufferReader, BufferWriter } from './buffer';
import {
  DEFAULT_PROTOCOL_VERSION,
  LANGUAGE_CODES,
  type RemotingCommand,
  type SerializeType,
} from './command';

/**
 * Frame layout (big-endian): int32 length (of everything after it) | int32 headerMark (top byte serialize type,
 * low 24 bits header length) | header | body. We always send JSON headers and decode both JSON and ROCKETMQ ones.
 */
/**
 * The largest answer taken. The Java client's decoder stops at 16 MiB (`com.rocketmq.remoting.frameMaxLength`), but a
 * broker sends whatever its tables weigh: at 50,000 groups one of a master's whole-table answers was 19 MB (bench
 * groups; by its size the subscription-group table), which an admin console must read. The cap still refuses a
 * garbage length (up to 2^32) before buffering it.
 */
export const DEFAULT_MAX_FRAME_BYTES = 128 * 1024 * 1024;

const SERIALIZE_JSON = 0;
const SERIALIZE_ROCKETMQ = 1;

type JsonHeader = Pick<RemotingCommand, 'code' | 'language' | 'version' | 'opaque' | 'flag' | 'remark'> & {
  extFields?: Record<string, string>;
};

export function encodeFrame(command: Omit<RemotingCommand, 'serializeType'>): Buffer {
  const header: JsonHeader = {
    code: command.code,
    language: command.language,
    version: command.version ?? DEFAULT_PROTOCOL_VERSION,
    opaque: command.opaque,
    flag: command.flag,
    extFields: command.extFields,
  };
  if (command.remark !== undefined) header.remark = command.remark;
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const bodyLength = command.body?.length ?? 0;
  const writer = new BufferWriter(8 + headerBytes.length + bodyLength);
  writer.int32(4 + headerBytes.length + bodyLength);
  writer.int32((SERIALIZE_JSON << 24) | headerBytes.length);
  writer.bytes(headerBytes);
  if (command.body) writer.bytes(command.body);
  return writer.flush();
}

/** Decodes one frame *without* its leading length field (as FrameSplitter yields it). Throws on malformed input. */
export function decodeFrame(frame: Buffer): RemotingCommand {
  const reader = new BufferReader(frame);
  const headerMark = reader.int32();
  const serialize = (headerMark >>> 24) & 0xff;
  const headerLength = headerMark & 0xffffff;
  if (headerLength > reader.remaining) {
    throw new RangeError(`header length ${headerLength} exceeds frame (${reader.remaining} bytes left)`);
  }
  const headerBytes = reader.bytes(headerLength);
  const body = reader.remaining > 0 ? reader.bytes(reader.remaining) : undefined;
  let command: RemotingCommand;
  if (serialize === SERIALIZE_JSON) command = decodeJsonHeader(headerBytes);
  else if (serialize === SERIALIZE_ROCKETMQ) command = decodeBinaryHeader(headerBytes);
  else throw new RangeError(`unknown serialize type ${serialize}`);
  if (body) command.body = body;
  return command;
}

function decodeJsonHeader(bytes: Buffer): RemotingCommand {
  const parsed: unknown = JSON.parse(bytes.toString('utf8'));
  if (typeof parsed !== 'object' || parsed === null) throw new RangeError('JSON header is not an object');
  const h = parsed as Partial<JsonHeader>;
  if (typeof h.code !== 'number' || typeof h.opaque !== 'number') {
    throw new RangeError('JSON header lacks code or opaque');
  }
  // fromEntries defines each key as its own property: a field named "__proto__" is kept, not taken as the prototype.
  const extFields: Record<string, string> =
    h.extFields && typeof h.extFields === 'object' ? Object.fromEntries(Object.entries(h.extFields).map(([k, v]) => [k, String(v)])) : {};
  return {
    code: h.code,
    language: typeof h.language === 'string' ? h.language : 'JAVA',
    version: typeof h.version === 'number' ? h.version : 0,
    opaque: h.opaque,
    flag: typeof h.flag === 'number' ? h.flag : 0,
    remark: typeof h.remark === 'string' ? h.remark : undefined,
    extFields,
    serializeType: 'JSON' satisfies SerializeType,
  };
}

function decodeBinaryHeader(bytes: Buffer): RemotingCommand {
  const reader = new BufferReader(bytes);
  const code = reader.int16();
  const languageCode = reader.int8();
  const version = reader.int16();
  const opaque = reader.int32();
  const flag = reader.int32();
  const remarkLength = reader.int32();
  const remark = remarkLength > 0 ? reader.utf8(remarkLength) : undefined;
  const fields: [string, string][] = [];
  const extLength = reader.int32();
  if (extLength > 0) {
    const ext = new BufferReader(reader.bytes(extLength));
    while (ext.remaining > 0) {
      const key = ext.utf8(ext.int16());
      fields.push([key, ext.utf8(ext.int32())]);
    }
  }
  const extFields: Record<string, string> = Object.fromEntries(fields);
  return {
    code,
    language: LANGUAGE_CODES[languageCode] ?? 'OTHER',
    version,
    opaque,
    flag,
    remark,
    extFields,
    serializeType: 'ROCKETMQ',
  };
}

/**
 * Cuts a byte stream into frames. Complete frames come out without their length field, as views of the received
 * bytes; received buffers are never written to again, so a frame stays valid after later chunks arrive.
 * Chunks of a partial frame are only joined once the whole frame is there (no quadratic copying of big bodies).
 * A declared length above the cap raises before its bytes are buffered: the peer may be sending garbage.
 */
export class FrameSplitter {
  private chunks: Buffer[] = [];
  private size = 0;
  private needed = 4;

  constructor(private readonly maxFrameBytes = DEFAULT_MAX_FRAME_BYTES) {}

  push(chunk: Buffer, onFrame: (frame: Buffer) => void): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size < this.needed) return;
    const data = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.size);
    let offset = 0;
    this.needed = 4;
    while (data.length - offset >= 4) {
      const length = data.readInt32BE(offset);
      if (length < 4 || length + 4 > this.maxFrameBytes) throw new FrameSizeError(length + 4, this.maxFrameBytes);
      if (data.length - offset < 4 + length) {
        this.needed = 4 + length;
        break;
      }
      onFrame(data.subarray(offset + 4, offset + 4 + length));
      offset += 4 + length;
    }
    const rest = data.subarray(offset);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
  }

  /** Bytes received but not yet part of a complete frame. */
  get buffered(): number {
    return this.size;
  }
}

export class FrameSizeError extends RangeError {
  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(`frame of ${size} bytes is outside (8, ${max}]`);
  }
}
