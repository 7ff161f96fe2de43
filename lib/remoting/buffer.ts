/** Big-endian writer that grows as needed (the remoting protocol is big-endian throughout). */
export class BufferWriter {
  private buffer: Buffer;
  private offset = 0;

  constructor(initialSize = 256) {
    this.buffer = Buffer.allocUnsafe(initialSize);
  }

  private ensure(bytes: number): void {
    const needed = this.offset + bytes;
    if (needed <= this.buffer.length) return;
    const next = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
    this.buffer.copy(next, 0, 0, this.offset);
    this.buffer = next;
  }

  int8(value: number): this {
    this.ensure(1);
    this.offset = this.buffer.writeInt8(value, this.offset);
    return this;
  }

  int16(value: number): this {
    this.ensure(2);
    this.offset = this.buffer.writeInt16BE(value, this.offset);
    return this;
  }

  int32(value: number): this {
    this.ensure(4);
    this.offset = this.buffer.writeInt32BE(value, this.offset);
    return this;
  }

  uint32(value: number): this {
    this.ensure(4);
    this.offset = this.buffer.writeUInt32BE(value, this.offset);
    return this;
  }

  int64(value: bigint | number): this {
    this.ensure(8);
    this.offset = this.buffer.writeBigInt64BE(BigInt(value), this.offset);
    return this;
  }

  bytes(value: Uint8Array): this {
    this.ensure(value.length);
    this.buffer.set(value, this.offset);
    this.offset += value.length;
    return this;
  }

  /** UTF-8 string preceded by its byte length as int16 or int32. */
  string(value: string, lengthBytes: 2 | 4): this {
    const encoded = Buffer.from(value, 'utf8');
    if (lengthBytes === 2) this.int16(encoded.length);
    else this.int32(encoded.length);
    return this.bytes(encoded);
  }

  get length(): number {
    return this.offset;
  }

  /** A view of the written bytes (no copy). */
  flush(): Buffer {
    return this.buffer.subarray(0, this.offset);
  }
}

/** Big-endian reader over one buffer; every read checks bounds and throws RangeError past the end. */
export class BufferReader {
  private offset: number;

  constructor(
    private readonly buffer: Buffer,
    start = 0,
    private readonly end = buffer.length,
  ) {
    this.offset = start;
  }

  private take(bytes: number): number {
    const at = this.offset;
    if (bytes < 0 || at + bytes > this.end) {
      throw new RangeError(`read of ${bytes} bytes at ${at} passes the end (${this.end})`);
    }
    this.offset += bytes;
    return at;
  }

  int8(): number {
    return this.buffer.readInt8(this.take(1));
  }

  uint8(): number {
    return this.buffer.readUInt8(this.take(1));
  }

  int16(): number {
    return this.buffer.readInt16BE(this.take(2));
  }

  uint16(): number {
    return this.buffer.readUInt16BE(this.take(2));
  }

  int32(): number {
    return this.buffer.readInt32BE(this.take(4));
  }

  uint32(): number {
    return this.buffer.readUInt32BE(this.take(4));
  }

  /** int64 as a number; RocketMQ offsets and timestamps stay far below 2^53. */
  int64(): number {
    // two 32-bit reads: a BigInt per field cost more than the rest of a stored message's decoding
    const at = this.take(8);
    return this.buffer.readInt32BE(at) * 4294967296 + this.buffer.readUInt32BE(at + 4);
  }

  bigint64(): bigint {
    return this.buffer.readBigInt64BE(this.take(8));
  }

  bytes(length: number): Buffer {
    const at = this.take(length);
    return this.buffer.subarray(at, at + length);
  }

  utf8(length: number): string {
    const at = this.take(length);
    return this.buffer.toString('utf8', at, at + length);
  }

  skip(length: number): void {
    this.take(length);
  }

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.end - this.offset;
  }
}
