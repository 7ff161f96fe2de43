import type { Command } from 'commander';
import type { AuditView } from '../../lib/console/audit/view';
import type { MessageDetail } from '../../lib/console/messages/detail';
import type { KeySearchResult } from '../../lib/console/messages/by-key';
import type { MessageSummary } from '../../lib/console/messages/model';
import type { MessageTrace } from '../../lib/console/traces/trace';
import type { ScanEvent, ScannedMessage } from '../../lib/console/messages/scan';
import type { ResendPreview, ResendResult } from '../../lib/console/messages/resend';
import { CliError, EXIT } from '../exit-codes';
import { show, type Run } from '../context';
import { failuresOf, when } from '../output';
import { parseTime } from '../time';
import { optionsOf } from './read';
type Field = { field: string; value: string | number | undefined };
const fieldColumns = [
  { header: 'FIELD', value: (f: Field) => f.field },
  { header: 'VALUE', value: (f: Field) => f.value },
];

export function registerMessageCommands(program: Command, run: Run): void {
  program
    .command('audit')
    .description("the cluster's audit log, newest first: who changed what, through which channel (ui, api, cli)")
    .option('-g, --group <group>', 'of this group')
    .option('-t, --topic <topic>', 'of this topic')
    .option('--actor <user>', 'by this user')
    .option('--action <action>', 'reset-offset, undo, topic.upsert ...')
    .option('--page-size <n>', 'entries', '50')
    .action(
      run(async (c, ...rest) => {
        const o = optionsOf<{ group?: string; topic?: string; actor?: string; action?: string; pageSize: string }>(rest);
        const answer = await c.api.get<{ items: AuditView[]; total: number }>(c.api.clusterPath('/audit'), {
          group: o.group, topic: o.topic, actor: o.actor, action: o.action, pageSize: o.pageSize,
        });
        show(c, {
          answer,
          rows: answer.items,
          columns: [
            { header: 'ID', value: (e: AuditView) => e.auditId, align: 'right' },
            { header: 'AT', value: (e) => when(e.at) },
            { header: 'ACTOR', value: (e) => e.actor },
            { header: 'CHANNEL', value: (e) => e.channel },
            { header: 'ACTION', value: (e) => e.action },
            { header: 'TARGET', value: (e) => e.target },
            { header: 'STATUS', value: (e) => e.status },
          ],
          notes: [`${answer.total} ${answer.total === 1 ? 'entry' : 'entries'}`],
          empty: 'no audit entry matches',
        });
      }),
    );

  program
    .command('message <msgId>')
    .description('one message by its client msgId or offsetMsgId: fields, properties, and where each group stands (= mqadmin queryMsgById)')
    .option('-t, --topic <topic>', 'its topic (needed for a client msgId on 5.x brokers, faster everywhere)')
    .addHelpText('after', '\nExamples:\n  rmqc message 7F00000100002A9F0000000000001A2B\n  rmqc message AC11000100582A139AB5... --topic LabTopic --json')
    .action(
      run(async (c, msgId, ...rest) => {
        const o = optionsOf<{ topic?: string }>(rest);
        const answer = await c.api.get<MessageDetail>(c.api.clusterPath(`/messages/${encodeURIComponent(msgId!)}`), { topic: o.topic });
        const m = answer.message;
        const rows: Field[] = [
          { field: 'msgId', value: m.msgId },
          { field: 'offsetMsgId', value: m.offsetMsgId },
          { field: 'topic', value: m.topic },
          { field: 'brokerName', value: m.brokerName },
          { field: 'queueId', value: m.queueId },
          { field: 'queueOffset', value: m.queueOffset },
          { field: 'tags', value: m.tags },
          { field: 'keys', value: m.keys.join(' ') || undefined },
          { field: 'bornTimestamp', value: when(m.bornTimestamp) },
          { field: 'storeTimestamp', value: when(m.storeTimestamp) },
          { field: 'bornHost', value: m.bornHost },
          { field: 'storeHost', value: m.storeHost },
          { field: 'reconsumeTimes', value: m.reconsumeTimes },
          { field: 'body', value: m.body.withheld ? `withheld: ${m.body.withheld}` : `${m.body.size} bytes${m.body.truncated ? ' (first 256 KiB here)' : ''}` },
          ...Object.entries(m.properties).map(([k, v]) => ({ field: `property ${k}`, value: v })),
          ...answer.groups.map((g) => ({ field: `group ${g.group}`, value: `${g.trackType}${g.consumerOffset !== undefined ? ` (consumer offset ${g.consumerOffset})` : ''}` })),
          ...(answer.schedule ? [{ field: 'due', value: JSON.stringify(answer.schedule) }] : []),
        ];
        show(c, { answer, rows, columns: fieldColumns, partial: failuresOf(answer) });
      }),
    );

  program
    .command('messages')
    .description("messages of a topic by key, from every master's index (past the broker's 64 per call)")
    .requiredOption('-t, --topic <topic>', 'the topic')
    .requiredOption('-k, --key <key>', 'a key of the message (any of its KEYS)')
    .option('--begin <time>', 'from (ISO 8601 with zone, epoch ms, -2h)')
    .option('--end <time>', 'to')
    .option('--limit <n>', 'at most')
    .action(
      run(async (c, ...rest) => {
        const o = optionsOf<{ topic: string; key: string; begin?: string; end?: string; limit?: string }>(rest);
        const answer = await c.api.get<KeySearchResult>(c.api.clusterPath('/messages'), {
          topic: o.topic, key: o.key, begin: o.begin && parseTime(o.begin, '--begin'), end: o.end && parseTime(o.end, '--end'), limit: o.limit,
        });
        show(c, {
          answer,
          rows: answer.items,
          columns: [
            { header: 'MSG ID', value: (m: MessageSummary) => m.msgId },
            { header: 'BROKER', value: (m) => m.brokerName },
            { header: 'QUEUE', value: (m) => m.queueId, align: 'right' },
            { header: 'OFFSET', value: (m) => m.queueOffset, align: 'right' },
            { header: 'TAGS', value: (m) => m.tags },
            { header: 'KEYS', value: (m) => m.keys.join(' ') },
            { header: 'STORED', value: (m) => when(m.storeTimestamp) },
            { header: 'BYTES', value: (m) => m.bodySize, align: 'right' },
          ],
          notes: answer.more ? [`more messages have this key than --limit ${answer.limit}`] : [],
          partial: failuresOf(answer),
          empty: `no message of ${o.topic} has the key ${o.key} in the window`,
        });
      }),
    );

  program
    .command('scan <topic>')
    .description('the messages of a topic stored in a time range, streamed as the brokers are read (rows as they come)')
    .requiredOption('--begin <time>', 'from (ISO 8601 with a zone, epoch ms, or -30m / -2h / -1d)')
    .option('--end <time>', 'to (default now)')
    .option('--tag <expression>', 'a tag expression the brokers filter with (TagA || TagB)')
    .option('--text <text>', 'text the console looks for in keys, properties and bodies')
    .option('--limit <n>', 'at most this many messages')
    .option('--cursor <cursor>', 'continue a scan that stopped (its last line prints the cursor)')
    .addHelpText('after', '\nExamples:\n  rmqc scan LabTopic --begin -1h\n  rmqc scan LabTopic --begin 2026-12-02T15:00:00Z --end 2026-12-02T16:00:00Z --tag TagA --ndjson > hour.ndjson')
    .action(
      run(async (c, topic, ...rest) => {
        const o = optionsOf<{ begin: string; end?: string; tag?: string; text?: string; limit?: string; cursor?: string }>(rest);
        const query = { begin: parseTime(o.begin, '--begin'), end: o.end ? parseTime(o.end, '--end') : Date.now(), tag: o.tag, text: o.text, limit: o.limit, cursor: o.cursor };
        // streamed, so fixed widths: a 5.x client msgId is 56 characters (IPv6 in it), a 4.x one 32
        const widths = [56, 8, 5, 8, 10, 30];
        const row = (cells: string[]) => cells.map((v, i) => (i === 2 || i === 3 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
        let header = c.format === 'table';
        let done: Extract<ScanEvent, { type: 'done' }> | undefined;
        const failures: string[] = [];
        await c.api.stream(c.api.clusterPath(`/topics/${encodeURIComponent(topic!)}/messages`), query, (value) => {
          const event = value as ScanEvent;
          if (c.format === 'json') c.out.stdout(JSON.stringify(event) + '\n');
          if (event.type === 'messages') {
            if (header) c.out.stdout(row(['MSG ID', 'BROKER', 'QUEUE', 'OFFSET', 'TAGS', 'STORED', 'KEYS']));
            header = false;
            for (const m of event.messages as ScannedMessage[]) {
              if (c.format === 'ndjson') c.out.stdout(JSON.stringify(m) + '\n');
              if (c.format === 'table') c.out.stdout(row([m.msgId, m.brokerName, String(m.queueId), String(m.queueOffset), m.tags ?? '', when(m.storeTimestamp) ?? '-', m.keys.join(' ')]));
            }
          }
          if (event.type === 'failure') {
            failures.push(`${event.brokerName} (${event.addr}): ${event.error}`);
            c.out.stderr(`warning: partial answer: ${event.brokerName} (${event.addr}): ${event.error}\n`);
          }
          if (event.type === 'done') done = event;
        });
        if (!done) throw new CliError('the console ended the scan without its last event', EXIT.UNAVAILABLE);
        const summary = `${done.reason}: ${done.matched} of ${done.inRange} messages in range, ${done.queuesDone}/${done.queuesTotal} queues, ${done.elapsedMs} ms${done.cursor ? `; continue with the same options and --cursor ${done.cursor}` : ''}`;
        if (c.format === 'table') c.out.stdout(`${summary}\n`);
        else c.out.stderr(`${summary}\n`);
        if (c.strict && failures.length > 0) throw new CliError(`${failures.length} broker(s) did not answer (--strict)`, EXIT.PARTIAL);
      }),
    );

  program
    .command('resend <msgId>')
    .description("hands a stored message to one online client of a group again (CONSUME_MESSAGE_DIRECTLY, = mqadmin queryMsgById -g -d): previewed, confirmed by the group's name, audited")
    .requiredOption('-g, --group <group>', 'the consumer group')
    .option('-t, --topic <topic>', "the message's topic")
    .option('--client-id <clientId>', 'this client of the group (default: the first online one)')
    .option('-y, --yes', 'without asking: for scripts (the preview names the client it goes to)')
    .action(
      run(async (c, msgId, ...rest) => {
        const o = optionsOf<{ group: string; topic?: string; clientId?: string; yes?: boolean }>(rest);
        const base = c.api.clusterPath(`/messages/${encodeURIComponent(msgId!)}/resend`);
        const preview = await c.api.post<ResendPreview>(`${base}/preview`, { group: o.group, ...(o.topic ? { topic: o.topic } : {}), ...(o.clientId ? { clientId: o.clientId } : {}) });
        c.out.stderr(`resend ${preview.msgId} (${preview.topic} ${preview.brokerName} queue ${preview.queueId} offset ${preview.queueOffset}) to ${preview.clientId} of ${preview.group}\n`);
        for (const w of preview.warnings) c.out.stderr(`warning: ${w}\n`);
        if (!o.yes) {
          const typed = await c.ask(`Type the group name (${preview.group}) to resend: `);
          if (typed === undefined) throw new CliError('no terminal to confirm on: rerun with --yes', EXIT.USAGE);
          if (typed.trim() !== preview.group) throw new CliError('not confirmed: nothing was sent', EXIT.CONFLICT);
        }
        const result = await c.api.post<ResendResult>(base, { previewId: preview.previewId, confirm: preview.group });
        const rows: Field[] = [
          { field: 'status', value: result.status },
          { field: 'client', value: result.clientId },
          { field: 'consumeResult', value: result.result?.consumeResult },
          { field: 'remark', value: result.result?.remark },
          { field: 'spentTimeMills', value: result.result?.spentTimeMills },
          { field: 'error', value: result.error },
          { field: 'audit entry', value: result.auditId },
        ];
        show(c, { answer: { preview, result }, rows, columns: fieldColumns });
        if (result.status !== 'completed') throw new CliError(`the client did not take the message: ${result.error ?? result.status} (audit #${result.auditId})`, result.status === 'unknown' ? EXIT.PARTIAL : EXIT.UNAVAILABLE);
      }),
    );

  program
    .command('trace <msgId>')
    .description("a message's trace as a timeline: sent, stored, each group's deliveries (= mqadmin queryMsgTraceById)")
    .option('-t, --topic <topic>', 'its topic')
    .action(
      run(async (c, msgId, ...rest) => {
        const o = optionsOf<{ topic?: string }>(rest);
        const answer = await c.api.get<MessageTrace>(c.api.clusterPath(`/traces/${encodeURIComponent(msgId!)}`), { topic: o.topic });
        show(c, { answer, rows: timeline(answer), columns: timelineColumns, partial: failuresOf(answer), empty: 'no trace record' });
      }),
    );
}

interface Step {
  at: number | undefined;
  what: string;
  who: string;
  took?: number;
  status: string;
}
const timelineColumns = [
  { header: 'AT', value: (s: Step) => when(s.at) },
  { header: 'STEP', value: (s: Step) => s.what },
  { header: 'WHO', value: (s: Step) => s.who },
  { header: 'COST MS', value: (s: Step) => s.took, align: 'right' as const },
  { header: 'STATUS', value: (s: Step) => s.status },
];

/** The trace's records in time order, one line each; groups with no delivery last. */
export function timeline(t: MessageTrace): Step[] {
  const steps: Step[] = [
    ...t.pubs.map((p) => ({ at: p.sendTime, what: `sent to ${p.topic}${p.tags ? ` tag ${p.tags}` : ''}`, who: `${p.producerGroup} ${p.clientHost}`, took: p.costMs, status: p.status })),
    ...(t.stored ? [{ at: t.stored.storeTimestamp, what: `stored ${t.stored.brokerName} queue ${t.stored.queueId} offset ${t.stored.queueOffset}`, who: t.stored.offsetMsgId, status: 'stored' }] : []),
    ...t.transactions.map((x) => ({ at: x.time, what: `transaction ${x.transactionState}${x.fromTransactionCheck ? ' (check)' : ''}`, who: `${x.producerGroup} ${x.clientHost}`, status: x.transactionState })),
    ...t.groups.flatMap((g) =>
      g.attempts.map((a) => ({
        at: a.beginTime ?? a.endTime,
        what: `consumed by ${g.group}${a.retryTimes ? ` (retry ${a.retryTimes})` : ''}`,
        who: a.clientHost,
        took: a.costMs,
        status: a.result ? `${a.status} ${a.result}` : a.status,
      })),
    ),
  ];
  steps.sort((a, b) => (a.at ?? Number.MAX_SAFE_INTEGER) - (b.at ?? Number.MAX_SAFE_INTEGER));
  return [...steps, ...t.notConsumed.map((g) => ({ at: undefined, what: `not consumed by ${g.group}`, who: '', status: g.trackType }))];
}
