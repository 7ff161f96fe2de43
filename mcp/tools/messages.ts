import { z } from 'zod';
import { BadInputError } from '../../lib/console/core/errors';
import { searchByKey } from '../../lib/console/messages/by-key';
import { getMessageDetail } from '../../lib/console/messages/detail';
import { scanTopic, type ScanEvent, type ScannedMessage } from '../../lib/console/messages/scan';
import { KeySearchQuery, OptionalTopicQuery, RangeScanQuery } from '../../lib/console/messages/schema';
import { getMessageTrace } from '../../lib/console/traces/trace';
import { answer } from '../answer';
import { tool, type ToolCall } from '../tool';
import { cluster, queryOf } from './fields';

/** Messages a time-range scan hands the model at most: a person reads more in the web console, linked. */
const SCAN_ROWS = 200;

export const messageTools = [
  tool({
    name: 'find_message',
    title: 'Find a message',
    description: [
      'Finds messages: by `msgId` (the client UNIQ_KEY or the broker offsetMsgId: the message with its properties, and its body where the token may read bodies),',
      'by `key` on a `topic` (the index of KEYS), or by `topic` and a store-time range `begin`..`end` (epoch ms or ISO-8601; optional `tag` expression and `text` in keys or body).',
    ].join(' '),
    input: {
      cluster,
      msgId: z.string().optional().describe('msgId or offsetMsgId (32 hex characters or more)'),
      topic: z.string().optional(),
      key: z.string().optional(),
      begin: z.union([z.string(), z.number()]).optional(),
      end: z.union([z.string(), z.number()]).optional(),
      tag: z.string().optional().describe('tag expression, e.g. TagA || TagB'),
      text: z.string().optional(),
      limit: z.number().int().optional(),
      cursor: z.string().optional().describe('continues a time-range scan that stopped at its limit or deadline'),
    },
    permission: 'cluster:read',
    run: async (call, args) => {
      if (args.msgId) return byId(call, args.msgId, args.topic);
      if (!args.topic) throw new BadInputError('topic is required to search by key or by time (or give msgId)', 'topic');
      if (args.key) return searchByKey(call.ctx, KeySearchQuery.parse(queryOf(args, ['topic', 'key', 'begin', 'end', 'limit'])));
      if (args.begin === undefined || args.end === undefined) throw new BadInputError('give msgId, key, or begin and end of a time range', args.begin === undefined ? 'begin' : 'end');
      return byTime(call, args.topic, queryOf(args, ['begin', 'end', 'tag', 'text', 'limit', 'cursor']));
    },
  }),
  tool({
    name: 'trace_message',
    title: 'Trace a message',
    description: 'The trace of a message (needs message trace on the clients): when it was sent by which producer, stored on which broker, and consumed by which group and client, how long each step took; as a timeline.',
    input: { cluster, msgId: z.string().describe('msgId (the client UNIQ_KEY)'), topic: z.string().optional().describe('the message topic: needed when the message itself cannot be found') },
    permission: 'cluster:read',
    run: async ({ ctx, webUrl }, args) => {
      const trace = await getMessageTrace(ctx, { msgId: args.msgId, topic: OptionalTopicQuery.parse(queryOf(args, ['topic'])).topic });
      return { ...trace, webUrl: webUrl(`/clusters/${encodeURIComponent(ctx.name)}/traces/${encodeURIComponent(args.msgId)}`) };
    },
  }),
];

async function byId({ ctx, may, webUrl }: ToolCall, msgId: string, topic: string | undefined) {
  if (!/^[0-9A-Fa-f]{32,56}$/.test(msgId)) throw new BadInputError('msgId is a message id: 32, 34 or 56 hexadecimal characters', 'msgId');
  const detail = await getMessageDetail(ctx, { msgId, topic: OptionalTopicQuery.parse(topic ? { topic } : {}).topic, bodies: may('message:body') });
  return { ...detail, webUrl: webUrl(`/clusters/${encodeURIComponent(ctx.name)}/messages/${encodeURIComponent(msgId)}`) };
}

/**
 * A time-range scan, read to its end (the use case's own limit and deadline bound it): the rows, the counters, the
 * brokers that failed, and the cursor that continues it.
 */
async function byTime({ ctx, may }: ToolCall, topic: string, query: Record<string, string>) {
  const request = RangeScanQuery.parse(query);
  const messages: ScannedMessage[] = [];
  const failures: Array<{ brokerName: string; addr: string; error: string }> = [];
  let done: Extract<ScanEvent, { type: 'done' }> | undefined;
  for await (const event of scanTopic(ctx, { topic, ...request, bodies: may('message:body') })) {
    if (event.type === 'messages') messages.push(...event.messages);
    else if (event.type === 'failure') failures.push({ brokerName: event.brokerName, addr: event.addr, error: event.error });
    else if (event.type === 'done') done = event;
  }
  const shown = messages.slice(0, SCAN_ROWS);
  const result = { topic, begin: request.begin, end: request.end, done, failures, messages: shown };
  const stopped = done && done.reason !== 'complete' && done.cursor ? [`the scan stopped at its ${done.reason} after ${done.matched} matches: call again with the same arguments and cursor=${done.cursor}`] : [];
  return answer(result, { paged: { path: 'messages', shown: shown.length, total: messages.length, next: 'narrow the range, or add a tag or text filter' }, more: stopped });
}
