import { networkInterfaces } from 'node:os';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { newClientMessageId } from '../../rocketmq/message-id';
import { sendMessage } from '../../rocketmq/send-message';
import { stepFailure } from '../changes/steps';
import type { ChangeKind } from '../changes/types';
import { BadInputError } from '../core/errors';
import { checkTopicName, isSystemTopic } from '../core/names';
import { fetchRoute, masters } from '../core/routes';
import { timestamp, topicField } from '../core/schema';
import { Sentences } from '../core/say';

/** The producer group the console sends as: producers need no registration; the name says who sent it. */
export const CONSOLE_PRODUCER_GROUP = 'ROCKETMQ_CONSOLE_PRODUCER';
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export const SendInput = z
  .object({
    topic: topicField,
    tag: z.string().max(255, 'tag is longer than 255 characters').regex(/^[^|]*$/, 'tag cannot hold |').optional(),
    keys: z.array(z.string().min(1, 'a key is empty').regex(/^\S+$/, 'a key cannot hold spaces')).max(32, 'at most 32 keys').optional(),
    properties: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a property name is letters, digits, _ . and -'), z.string().max(4096, 'a property value is longer than 4096 characters')).optional(),
    body: z.string({ message: 'body is required' }),
    bodyFormat: z.enum(['text', 'json'], { message: 'bodyFormat must be text or json' }).default('text'),
    delayLevel: z.coerce.number().int('delayLevel must be a whole number').min(1, 'delayLevel must be 1 to 18').max(18, 'delayLevel must be 1 to 18').optional(),
    deliverAt: timestamp('deliverAt').optional(),
    queue: z.object({ brokerName: z.string().min(1, 'brokerName is empty'), queueId: z.coerce.number().int().min(0, 'queueId must be 0 or more') }).strict().optional(),
  })
  .strict()
  .refine((r) => r.delayLevel === undefined || r.deliverAt === undefined, { message: 'give delayLevel or deliverAt, not both', path: ['deliverAt'] });
export type SendRequest = z.infer<typeof SendInput>;

/** Properties RocketMQ itself sets: a user property of that name would change what the message is. */
const RESERVED = new Set(['TAGS', 'KEYS', 'UNIQ_KEY', 'DELAY', 'TIMER_DELIVER_MS', 'WAIT', 'TRAN_MSG', 'MSG_REGION', 'TRACE_ON', 'REAL_TOPIC', 'REAL_QID', 'RETRY_TOPIC', '__SHARDINGKEY']);

export interface SendDetail {
  brokerName: string;
  addr: string;
  queueId: number;
  bytes: number;
  properties: Record<string, string>;
}

/** Send one message to a topic, to a chosen queue or the broker's pick; previewed, audited, never undone. */
export const messageSend: ChangeKind<SendRequest, SendDetail> = {
  action: 'message.send',
  parse: (input) => SendInput.parse(input),

  async plan(ctx, request) {
    checkTopicName(request.topic);
    const nodes = masters(await ctx.admin.brokerNodes());
    if (isSystemTopic(request.topic, new Set([...nodes.map((n) => n.clusterName), ...nodes.map((n) => n.brokerName)]), ctx.config.traceTopic)) throw new BadInputError(`${request.topic} is a system topic: the console does not send to it`, 'topic');
    if (request.bodyFormat === 'json') {
      try {
        JSON.parse(request.body);
      } catch (error) {
        throw new BadInputError(`body is not JSON: ${(error as Error).message}`, 'body');
      }
    }
    const bytes = Buffer.byteLength(request.body, 'utf8');
    if (bytes > MAX_BODY_BYTES) throw new BadInputError(`body is ${bytes} bytes; brokers refuse more than ${MAX_BODY_BYTES} (maxMessageSize)`, 'body');
    const reserved = Object.keys(request.properties ?? {}).find((k) => RESERVED.has(k));
    if (reserved) throw new BadInputError(`${reserved} is a property RocketMQ sets itself: use the fields of the form`, `properties.${reserved}`);
    const route = await fetchRoute(ctx.admin, request.topic);
    const writable = route.queueDatas.filter((q) => (q.perm & 2) !== 0 && q.writeQueueNums > 0 && nodes.some((n) => n.brokerName === q.brokerName));
    let target: { brokerName: string; queueId: number };
    if (request.queue) {
      const q = writable.find((w) => w.brokerName === request.queue!.brokerName);
      if (!q) throw new BadInputError(`${request.queue.brokerName} has no writable queue of ${request.topic} (writable: ${writable.map((w) => w.brokerName).join(', ') || 'none'})`, 'queue.brokerName');
      if (request.queue.queueId >= q.writeQueueNums) throw new BadInputError(`${request.queue.brokerName} writes to queues 0-${q.writeQueueNums - 1} of ${request.topic}`, 'queue.queueId');
      target = request.queue;
    } else {
      if (writable.length === 0) throw new BadInputError(`no broker takes writes to ${request.topic} now (perm)`, 'topic');
      target = { brokerName: writable[randomInt(writable.length)]!.brokerName, queueId: -1 };
    }
    const node = nodes.find((n) => n.brokerName === target.brokerName)!;
    const properties: Record<string, string> = {
      ...(request.properties ?? {}),
      ...(request.tag ? { TAGS: request.tag } : {}),
      ...(request.keys?.length ? { KEYS: request.keys.join(' ') } : {}),
      ...(request.delayLevel ? { DELAY: String(request.delayLevel) } : {}),
      ...(request.deliverAt ? { TIMER_DELIVER_MS: String(request.deliverAt) } : {}),
      WAIT: 'true',
    };
    const where = `${target.brokerName} queue ${target.queueId < 0 ? '(the broker picks)' : target.queueId}`;
    const s = new Sentences();
    return {
      target: { kind: 'topic', name: request.topic },
      request,
      lines: [
        { where, field: 'message', before: null, after: `${bytes} bytes${request.tag ? `, tag ${request.tag}` : ''}${request.keys?.length ? `, keys ${request.keys.join(' ')}` : ''}` },
        ...Object.entries(properties).filter(([k]) => k !== 'WAIT').map(([k, v]) => ({ where, field: k, before: null, after: v })),
      ],
      detail: { brokerName: target.brokerName, addr: node.addr, queueId: target.queueId, bytes, properties },
      warnings: [
        ...(request.delayLevel ? [s.text('plans.message.delayLevel', { level: String(request.delayLevel) })] : []),
        ...(request.deliverAt ? [s.text('plans.message.deliverAt', { at: new Date(request.deliverAt).toISOString() })] : []),
        s.text('plans.message.everyGroup'),
      ],
      blockers: [],
      typedConfirmation: false,
      undo: { possible: false, reason: s.text('plans.message.sentUndo') },
      said: s.said,
    };
  },

  async drift() {
    return [];
  },

  async apply(ctx, plan) {
    const { detail, request } = plan;
    const msgId = newClientMessageId({ ip: localIp(), pid: process.pid, classLoaderHash: CLASS_LOADER_HASH, counter: nextCounter() });
    const where = detail.brokerName;
    try {
      const r = await sendMessage(ctx.admin, detail.addr, {
        producerGroup: CONSOLE_PRODUCER_GROUP,
        topic: request.topic,
        queueId: detail.queueId,
        brokerName: detail.brokerName,
        body: Buffer.from(request.body, 'utf8'),
        properties: { ...detail.properties, UNIQ_KEY: msgId },
        bornTimestamp: Date.now(),
      }, ctx.admin.config.requestTimeoutMs * 2);
      return [{ where, outcome: 'done', result: { msgId: r.msgId ?? msgId, offsetMsgId: r.offsetMsgId, brokerName: detail.brokerName, queueId: r.queueId, queueOffset: r.queueOffset, ...(r.code !== 0 ? { code: r.code } : {}) } }];
    } catch (error) {
      return [stepFailure(where, error)];
    }
  },
};

// UNIQ_KEY parts of this process: its address, a random "class loader" hash, a counter (MessageClientIDSetter's)
const CLASS_LOADER_HASH = randomInt(2 ** 31);
let counter = randomInt(65536);
function nextCounter(): number {
  counter = (counter + 1) & 0xffff;
  return counter;
}
function localIp(): string {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return '127.0.0.1';
}
