/**
 * Fixture cases of the message operations (query, view, pull, trace, consume directly). They read the messages the
 * seeded traffic sent from $SANDBOX_DIR/traffic/sent.tsv, so record them right after traffic.sh and
 * online-consumers.sh. The compressed-body cases first store three messages of their own in FixtureMsgTopic (on
 * broker-a), with bodies compressed by RocketMQ's own Java compressors (zlib, LZ4 frame, zstd; bytes below).
 */
import { ConnectionPool, extFields, type RemotingRequest } from '../../lib/remoting';
import { RequestCode } from '../../lib/rocketmq/codes';
import { consumeMessageDirectlyRequest } from '../../lib/rocketmq/consume-message-directly';
import { getConsumerConnectionList } from '../../lib/rocketmq/get-consumer-connection-list';
import { getMaxOffset } from '../../lib/rocketmq/get-max-offset';
import { expectCode } from '../../lib/rocketmq/invoke';
import { decodeOffsetMessageId } from '../../lib/rocketmq/message-id';
import { pullMessageRequest } from '../../lib/rocketmq/pull-message';
import { queryMessageRequest } from '../../lib/rocketmq/query-message';
import { SysFlag } from '../../lib/rocketmq/stored-message';
import { updateAndCreateTopic } from '../../lib/rocketmq/update-and-create-topic';
import { viewMessageByIdRequest } from '../../lib/rocketmq/view-message-by-id';
import { sentMessages, type SentMessage } from '../../test-support/mqadmin-messages';
import { LIVE } from '../../test-support/sandbox';
import type { FixtureCase } from './fixture-cases';

const brokerA = LIVE.brokerAMaster;

/** A normal LabTopic message the traffic stored on broker-a (what the single-broker cases ask about). */
function sentOnA(): SentMessage {
  const m = sentMessages().find((s) => s.kind === 'normal' && s.brokerName === 'broker-a');
  if (!m) throw new Error('sent.tsv has no normal message on broker-a: run traffic.sh first');
  return m;
}

async function withPool<T>(fn: (pool: ConnectionPool) => Promise<T>): Promise<T> {
  const pool = new ConnectionPool();
  try {
    return await fn(pool);
  } finally {
    pool.close();
  }
}

export const COMPRESSED_TOPIC = 'FixtureMsgTopic';
export const COMPRESSED_KEY = 'FIXTURE-COMPRESSED';

/**
 * One 4,620-byte text (80 lines of `{"line":i,"text":"a compressible fixture body, line i"}`) as compressed by
 * rocketmq-common 5.5.0's CompressorFactory.getCompressor(type).compress(body, 5), the producer's default level.
 * sandbox/java/CompressedBodies.java makes these exact strings (`RMQ_VERSION=5.5.0 bash sandbox/scripts/jrun.sh
 * CompressedBodies.java`); the ZLIB one is also Node's zlib.deflateSync(text, { level: 5 }).
 */
const COMPRESSED_BODIES: Record<'LZ4' | 'ZSTD' | 'ZLIB', string> = {
  LZ4: 'BCJNGGBwcwMDAADwIHsibGluZSI6MCwidGV4dCI6ImEgY29tcHJlc3NpYmxlIGZpeHR1cmUgYm9keSwgLQBUIDAifQo4AB8xOAAYFzE4AB8yOAAYFzI4AB8zOAAYFzM4AB80OAAYFzQ4AB81OAAYFzU4AB82OAAYFzY4AB83OAAYFzc4AB84OAAYFzg4AB85OAAYFzk4AB8xMQIZGTEyAg8zAhoINAIfMTUCGRgxNgIfMTcCGRgxOAIfMTkCGRgxOgIfMTsCGRgxPAIfMT0CGRgxPgIfMT8CGRgxQAIfMUECGRgxQgIfMUMCGRgxRAIfMkQCGScyMH4CHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzJEAhkYMkQCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzNEAhkYM0QCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzREAhkYNEQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzVEAhkYNUQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzZEAhkYNkQCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhkYN0QCHzdEAhlQNzkifQoAAAAA',
  ZSTD: 'KLUv/QBYFAgAQk4nHYA3aQPIsES3DfuD9UiICDN4mOzu3rSfQOTGJXUChQSzq5qJeGf2V9mUlLuqmYh3Zn+VTUi4q5qJeGf2V9l0dLuqmYh3Zn+VTUa2q5qJeGf2V9l0+q5qJuKd2V9lU1HtqmYi3pn9Zdu7qpmId2Z/lV1IMFRO4kCK4UBAgShnYZA0joFyEMTBYJxFAYEioACYg0kaJzEGOpiTOBCDEICeqCHo7v8d8DXmEjhBoMZMCP7/+QMdpVVXqmPCcw41s1QVyZu9q8ypjUx07K5V5tFkQqOXnKPOyCSa3VXOqUYmuuzWKgfsLocjsW8kgDZSs0YajUwT0NBcJA8Z8WBwA2QVAQAA',
  ZLIB: 'eF6V17lKBEEURuHcp2g6nmDurr6NSwsDbugIivjuIhj8HZ68TlQfVfd+r4+n5229Ph7W8/Z5Xq/Xm+Xu5en1bXt/P90+bsvD6fP88bYtty/3X4fl7/ByXH8uvv87A51J56Bz6QJ0IV2CLqUr0JV0DbqWbkA30l2C7lK6K9Bd6b0TMLYTg8ioGSNoTNUYYWPqxggcUzlG6JjaMYLHVI8RPqZ+jAAyFWSEkKkhJ4ZcDTkx5Lt3hxhyNeTEkKshJ4ZcDTkx5GrIiSFXQ04MuRpyYsjVkBNDroaCGAo1FMRQqKEghmL3exFDoYaCGAo1FMRQqKEghkINBTEUaiiIoVBDQQyFGkpiKNVQEkOphpIYSjWUxFDuZiBiKNVQEkOphpIYSjWUxFCqoSSGUg0lMZRqqIihUkNFDJUaKmKo1FARQ6WGihiq3SRNDJUaKmKo1FARQ6WGihgqNVTEUKmhJoZaDTUx1GqoiaFWQ00MtRpqYqjVUBNDvdvHiKFWQ00MtRpqYqjVUBNDrYaGGBo1NMTQqKEhhkYNDTE0amiIoVFDQwyNGhpiaHZbPTE0amiIoVFDQwzNn6FfMdj/nA==',
};

const COMPRESSION_BITS = { ZLIB: 0x300, LZ4: 0x100, ZSTD: 0x200 } as const;

/** A client msgId of our own making (IPv4 127.0.0.1, pid, hash, ms since month start, counter), as Java builds one. */
function uniqKey(counter: number): string {
  const b = Buffer.alloc(16);
  b.set([127, 0, 0, 1], 0);
  b.writeUInt16BE(process.pid & 0xffff, 4);
  b.writeInt32BE(0x46495854, 6); // "FIXT"
  const now = new Date();
  b.writeUInt32BE((Date.now() - Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) >>> 0, 10);
  b.writeUInt16BE(counter, 14);
  return b.toString('hex').toUpperCase();
}

/** SEND_MESSAGE_V2 (310) of a pre-compressed body with the compressed flag and codec bits set. */
function sendCompressedRequest(codec: keyof typeof COMPRESSED_BODIES, counter: number): RemotingRequest {
  const properties = { KEYS: `${COMPRESSED_KEY} FIXTURE-${codec}`, TAGS: `Tag${codec}`, UNIQ_KEY: uniqKey(counter), WAIT: 'true' };
  return {
    code: RequestCode.SEND_MESSAGE_V2,
    extFields: extFields({
      a: 'fixture_producer_group', b: COMPRESSED_TOPIC, c: 'TBW102', d: 4, e: 0,
      f: SysFlag.COMPRESSED | COMPRESSION_BITS[codec], g: Date.now(), h: 0,
      i: Object.entries(properties).map(([k, v]) => `${k}\u0001${v}\u0002`).join(''),
      j: 0, k: false, l: 16, m: false,
    }),
    body: Buffer.from(COMPRESSED_BODIES[codec], 'base64'),
  };
}

let compressedSent: Promise<Record<string, number>> | undefined;

/** Stores the three compressed messages once per recording; their commit-log offsets by codec. */
function compressedOffsets(): Promise<Record<string, number>> {
  compressedSent ??= withPool(async (pool) => {
    await updateAndCreateTopic(pool, brokerA, { topic: COMPRESSED_TOPIC, readQueueNums: 1, writeQueueNums: 1 });
    const offsets: Record<string, number> = {};
    for (const [i, codec] of (['ZLIB', 'LZ4', 'ZSTD'] as const).entries()) {
      const request = sendCompressedRequest(codec, i);
      const reply = await pool.invoke(brokerA, request, { timeoutMs: 10_000 });
      expectCode(reply, brokerA, request.code);
      offsets[codec] = decodeOffsetMessageId(reply.extFields.msgId!)!.commitLogOffset;
    }
    await new Promise((r) => setTimeout(r, 1000)); // the index is built asynchronously
    return offsets;
  });
  return compressedSent;
}

async function clientIdOf(group: string): Promise<string> {
  const cc = await withPool((pool) => getConsumerConnectionList(pool, brokerA, group));
  if (!cc) throw new Error(`${group} is not online: run sandbox/scripts/online-consumers.sh start first`);
  return cc.connections[0]!.clientId;
}

const maxOffsetOfA = (queueId: number) => withPool((pool) => getMaxOffset(pool, brokerA, 'LabTopic', queueId));

let tracesSettled: Promise<void> | undefined;

/**
 * Trace records sit on whichever broker the trace producer picked: both masters are recorded. Consumers' traces
 * arrive about 0.6 s after they consumed, and online-consumers.sh returns as soon as lab_cg_online caught up.
 */
const traceQuery = async () => {
  await (tracesSettled ??= new Promise((r) => setTimeout(r, 2000)));
  return queryMessageRequest({ topic: 'RMQ_SYS_TRACE_TOPIC', key: sentOnA().msgId, uniqueKey: false });
};

export const MESSAGE_CASES: FixtureCase[] = [
  // QUERY_MESSAGE
  { operation: 'query-message', name: 'key', target: 'broker-a-master', request: () => queryMessageRequest({ topic: 'LabTopic', key: 'CUST-2' }) },
  { operation: 'query-message', name: 'unique-key', target: 'broker-a-master', request: () => queryMessageRequest({ topic: 'LabTopic', key: sentOnA().msgId, uniqueKey: true }) },
  { operation: 'query-message', name: 'not-found', target: 'broker-a-master', request: () => queryMessageRequest({ topic: 'LabTopic', key: 'NO-SUCH-KEY' }) },
  { operation: 'query-message', name: 'trace-a', target: 'broker-a-master', request: traceQuery },
  { operation: 'query-message', name: 'trace-b', target: 'broker-b-master', request: traceQuery },
  {
    operation: 'query-message', name: 'compressed', target: 'broker-a-master',
    request: async () => (await compressedOffsets(), queryMessageRequest({ topic: COMPRESSED_TOPIC, key: COMPRESSED_KEY })),
  },
  // VIEW_MESSAGE_BY_ID
  {
    operation: 'view-message-by-id', name: 'found', target: 'broker-a-master',
    request: () => viewMessageByIdRequest(decodeOffsetMessageId(sentOnA().offsetMsgId)!.commitLogOffset, 'LabTopic'),
  },
  { operation: 'view-message-by-id', name: 'not-found', target: 'broker-a-master', request: () => viewMessageByIdRequest(999_999_999_999, 'LabTopic') },
  {
    // inside a record: the broker reads a size there and answers whatever bytes follow, or code 1
    operation: 'view-message-by-id', name: 'misaligned', target: 'broker-a-master',
    request: () => viewMessageByIdRequest(decodeOffsetMessageId(sentOnA().offsetMsgId)!.commitLogOffset + 8, 'LabTopic'),
  },
  ...(['ZLIB', 'LZ4', 'ZSTD'] as const).map((codec): FixtureCase => ({
    operation: 'view-message-by-id', name: codec.toLowerCase(), target: 'broker-a-master',
    request: async () => viewMessageByIdRequest((await compressedOffsets())[codec]!, COMPRESSED_TOPIC),
  })),
  // PULL_MESSAGE as TOOLS_CONSUMER
  { operation: 'pull-message', name: 'found', target: 'broker-a-master', request: () => pullMessageRequest({ topic: 'LabTopic', queueId: 0, queueOffset: 0, maxMsgNums: 4 }) },
  { operation: 'pull-message', name: 'no-new', target: 'broker-a-master', request: async () => pullMessageRequest({ topic: 'LabTopic', queueId: 0, queueOffset: await maxOffsetOfA(0) }) },
  {
    operation: 'pull-message', name: 'no-matched', target: 'broker-a-master',
    request: () => pullMessageRequest({ topic: 'LabTopic', queueId: 0, queueOffset: 0, subscription: 'NoSuchTag' }),
  },
  {
    // 4.9 masters also write an OffsetMovedEvent to OFFSET_MOVED_EVENT for this one
    operation: 'pull-message', name: 'offset-illegal', target: 'broker-a-master',
    request: async () => pullMessageRequest({ topic: 'LabTopic', queueId: 0, queueOffset: (await maxOffsetOfA(0)) + 1000 }),
  },
  // CONSUME_MESSAGE_DIRECTLY through an online client
  {
    operation: 'consume-message-directly', name: 'consumed', target: 'broker-a-master',
    request: async () => consumeMessageDirectlyRequest({ consumerGroup: 'lab_cg_online', clientId: await clientIdOf('lab_cg_online'), offsetMsgId: sentOnA().offsetMsgId, topic: 'LabTopic' }),
  },
  {
    operation: 'consume-message-directly', name: 'not-online', target: 'broker-a-master',
    request: () => consumeMessageDirectlyRequest({ consumerGroup: 'lab_cg_online', clientId: '127.0.0.9@gone', offsetMsgId: sentOnA().offsetMsgId, topic: 'LabTopic' }),
  },
];
