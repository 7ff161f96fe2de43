/**
 * RocketMQ's two message ids, both uppercase hex of the same lengths (32 chars for an IPv4 host, 56 for IPv6), so
 * the text alone cannot tell them apart (MessageDecoder.createMessageId/decodeMessageId, MessageClientIDSetter):
 *  - the offset msgId: store host IP + port int32 + commit-log offset int64. It locates the message: VIEW_MESSAGE_BY_ID
 *    (33) at ip:port with that offset.
 *  - the client msgId (UNIQ_KEY property, the id the Java client shows): client IP + pid int16 + class-loader hash
 *    int32 + ms since the start of the month int32 + counter int16. Found only through the index (QUERY_MESSAGE 12
 *    with _UNIQUE_KEY_QUERY=true).
 */

export interface OffsetMessageId {
  /** Store host IP as Java prints it (IPv4 dotted, IPv6 as 8 groups without zero compression). */
  host: string;
  port: number;
  /** `host:port`, the broker address to send VIEW_MESSAGE_BY_ID / CONSUME_MESSAGE_DIRECTLY to. */
  address: string;
  commitLogOffset: number;
}

export interface ClientMessageId {
  /** IP of the producing client. */
  ip: string;
  /** Low 16 bits of the producer's pid. */
  pid: number;
  /** hashCode of the client's class loader (int32): tells producers in one JVM apart. */
  classLoaderHash: number;
  /** ms since the producer's month start; wraps past 2^32 (about 49.7 days), read unsigned as Java does. */
  msSinceMonthStart: number;
  /** Per-JVM counter (16 bits, wraps). */
  counter: number;
}

const HEX = /^[0-9A-F]+$/;

/** Parses hex of an id length (32 or 56 chars); undefined otherwise. */
function idBytes(id: string): Buffer | undefined {
  const text = id.trim().toUpperCase();
  if ((text.length !== 32 && text.length !== 56) || !HEX.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}

/** IP bytes as Java's InetAddress.getHostAddress prints them. */
export function ipToString(ip: Uint8Array): string {
  if (ip.length === 4) return `${ip[0]}.${ip[1]}.${ip[2]}.${ip[3]}`;
  if (ip.length !== 16) throw new RangeError(`an IP address has 4 or 16 bytes, not ${ip.length}`);
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((ip[i]! << 8) | ip[i + 1]!).toString(16));
  return groups.join(':');
}

/** Parses IPv4 dotted or IPv6 text (with or without `::`, brackets, an embedded IPv4 tail) into 4 or 16 bytes. */
export function ipToBytes(text: string): Buffer | undefined {
  const host = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!host.includes(':')) {
    const parts = host.split('.');
    if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
    return Buffer.from(parts.map(Number));
  }
  let tail: number[] = [];
  let body = host;
  const v4 = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(host);
  if (v4) {
    const b = ipToBytes(v4[2]!);
    if (!b) return undefined;
    tail = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | b[3]!];
    body = v4[1]!.endsWith('::') ? v4[1]! : v4[1]!.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const given = head.length + rest.length + tail.length;
  if (head.some(Number.isNaN) || rest.some(Number.isNaN) || given > 8 || (halves.length === 1 && given !== 8)) return undefined;
  const groups = [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(g, i * 2));
  return out;
}

/** `host:port` (IPv6 optionally bracketed) in the form our decoders print, or undefined if it is not an IP address. */
export function normalizeAddress(address: string): string | undefined {
  const colon = address.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const ip = ipToBytes(address.slice(0, colon));
  const port = Number(address.slice(colon + 1));
  if (!ip || !Number.isInteger(port) || port < 0 || port > 65535) return undefined;
  return `${ipToString(ip)}:${port}`;
}

/** The offset msgId from the raw store-host IP bytes, port and commit-log offset (what MessageDecoder computes). */
export function offsetMessageIdFromBytes(ip: Uint8Array, port: number, commitLogOffset: number | bigint): string {
  const out = Buffer.alloc(ip.length + 12);
  out.set(ip, 0);
  out.writeInt32BE(port, ip.length);
  out.writeBigInt64BE(BigInt(commitLogOffset), ip.length + 4);
  return out.toString('hex').toUpperCase();
}

/** Encodes an offset msgId from a broker address (`ip:port`) and a commit-log offset. */
export function encodeOffsetMessageId(address: string, commitLogOffset: number | bigint): string {
  const colon = address.lastIndexOf(':');
  const ip = ipToBytes(address.slice(0, colon));
  const port = Number(address.slice(colon + 1));
  if (colon <= 0 || !ip || !Number.isInteger(port)) throw new TypeError(`not an ip:port address: ${address}`);
  return offsetMessageIdFromBytes(ip, port, commitLogOffset);
}

export function decodeOffsetMessageId(id: string): OffsetMessageId | undefined {
  const bytes = idBytes(id);
  if (!bytes) return undefined;
  const ipLength = bytes.length === 16 ? 4 : 16;
  const host = ipToString(bytes.subarray(0, ipLength));
  const port = bytes.readInt32BE(ipLength);
  // a commit-log offset past 2^53 (9 PiB) is no broker's: as a number it would be silently wrong
  const offset = bytes.readBigInt64BE(ipLength + 4);
  if (offset < 0n || offset > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { host, port, address: `${host}:${port}`, commitLogOffset: Number(offset) };
}

export function decodeClientMessageId(id: string): ClientMessageId | undefined {
  const bytes = idBytes(id);
  if (!bytes) return undefined;
  const ipLength = bytes.length === 16 ? 4 : 16;
  return {
    ip: ipToString(bytes.subarray(0, ipLength)),
    pid: bytes.readUInt16BE(ipLength),
    classLoaderHash: bytes.readInt32BE(ipLength + 2),
    msSinceMonthStart: bytes.readUInt32BE(ipLength + 6),
    counter: bytes.readUInt16BE(ipLength + 10),
  };
}

/**
 * Roughly when a client msgId was made, by Java's MessageClientIDSetter.getNearlyTimeFromID: month start + the
 * embedded span, taking the previous month when that lands at or after `now`. The producer counted from *its*
 * local month start, which the id does not carry; Java readers use their own zone. Pick the zone the producers run
 * in (UTC by default); widen a search window by a day when unsure.
 */
export function nearlyTimeFromId(id: string, now = Date.now(), timeZone: 'UTC' | 'local' = 'UTC'): number | undefined {
  const decoded = decodeClientMessageId(id);
  if (!decoded) return undefined;
  const d = new Date(now);
  const monthStart = (monthsBack: number) =>
    timeZone === 'UTC'
      ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - monthsBack, 1)
      : new Date(d.getFullYear(), d.getMonth() - monthsBack, 1).getTime();
  const start = monthStart(0);
  return start + decoded.msSinceMonthStart >= now ? monthStart(1) + decoded.msSinceMonthStart : start + decoded.msSinceMonthStart;
}

export type MessageIdReading =
  | { valid: false; input: string; reason: string }
  | {
      valid: true;
      /** The id trimmed and uppercased. */
      id: string;
      /** Absent for a 5.x gRPC client's id, which is only ever a unique key. */
      asOffset?: OffsetMessageId;
      asClient?: ClientMessageId;
      /**
       * `offset` when the decoded store address is one of the known brokers (look it up with VIEW_MESSAGE_BY_ID
       * there); otherwise `unique-key` (query the index). Java's admin instead tries the offset reading first and
       * falls back on any error, which costs a connect timeout for a bogus IP.
       */
      plausible: 'offset' | 'unique-key';
    };

/** A message id of the 5.x gRPC clients: version byte 01, then MAC, pid, seconds and a counter (16 bytes). */
export function isV1MessageId(id: string): boolean {
  return id.length === 34 && id.startsWith('01') && HEX.test(id);
}

/** Reads user input as a message id. `knownBrokers`: broker addresses (`ip:port`) of the cluster. */
export function classifyMessageId(input: string, knownBrokers: Iterable<string>): MessageIdReading {
  const id = input.trim().toUpperCase();
  if (id === '') return { valid: false, input, reason: 'empty' };
  if (!HEX.test(id)) return { valid: false, input, reason: 'not hexadecimal' };
  // the 5.x gRPC clients (rocketmq-client-java and the other 5.x SDKs) make "01" + 16 bytes: their UNIQ_KEY
  if (isV1MessageId(id)) return { valid: true, id, plausible: 'unique-key' };
  if (id.length !== 32 && id.length !== 56) {
    return { valid: false, input, reason: `${id.length} hex characters; a message id has 32 (IPv4) or 56 (IPv6), or 34 starting 01 (a 5.x gRPC client's)` };
  }
  // no offset id when its offset cannot be a broker's (past 2^53): a UNIQ_KEY's last bytes often read so
  const asOffset = decodeOffsetMessageId(id);
  const asClient = decodeClientMessageId(id)!;
  const known = new Set<string>();
  for (const addr of knownBrokers) known.add(normalizeAddress(addr) ?? addr);
  return { valid: true, id, ...(asOffset ? { asOffset } : {}), asClient, plausible: asOffset && known.has(asOffset.address) ? 'offset' : 'unique-key' };
}

/**
 * A client msgId (UNIQ_KEY) as MessageClientIDSetter makes one: IPv4, the low 16 bits of the pid, a class-loader
 * hash, ms since the start of the current month (UTC here) and a counter. 4.9 brokers do not fill it in for a raw
 * send, so a sender sets it itself.
 */
export function newClientMessageId(input: { ip: string; pid: number; classLoaderHash: number; counter: number; now?: number }): string {
  const now = new Date(input.now ?? Date.now());
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const bytes = Buffer.alloc(16);
  (ipToBytes(input.ip) ?? Buffer.from([127, 0, 0, 1])).subarray(0, 4).copy(bytes, 0);
  bytes.writeUInt16BE(input.pid & 0xffff, 4);
  bytes.writeInt32BE(input.classLoaderHash | 0, 6);
  bytes.writeUInt32BE((now.getTime() - monthStart) >>> 0, 10);
  bytes.writeUInt16BE(input.counter & 0xffff, 14);
  return bytes.toString('hex').toUpperCase();
}
