import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ChangeLine, ChangePlan, ChangeResult, StepOutcome } from '../../lib/console/changes/types';
import type { AuditView } from '../../lib/console/audit/view';
import { CliError, EXIT } from '../exit-codes';
import { show, type CommandContext, type Run } from '../context';
import { table, when } from '../output';
import { parseTime } from '../time';
import { confirmPlan, exitOnOutcome, type ConfirmOptions } from '../confirm';
import { optionsOf } from './read';
import { resetUndo } from './reset';

/** The change plan's fingerprint: its action, target and every line (where, field, before → after). */
export function planDigest(plan: Pick<ChangePlan, 'action' | 'target' | 'lines'>): string {
  const lines = plan.lines.map((l) => `${l.where}\u0001${l.field}\u0001${l.before}\u0001${l.after}`).sort();
  return createHash('sha256').update([plan.action, plan.target.kind, plan.target.name, ...lines].join('\n')).digest('hex').slice(0, 12);
}

const YES_OPTIONS = (command: Command) =>
  command
    .option('-y, --yes', 'apply without asking: for scripts, and only with --expect-preview')
    .option('--expect-preview <digest>', 'the preview digest the script was shown: apply only if the fresh plan still has it');

export function registerChangeCommands(program: Command, run: Run): void {
  YES_OPTIONS(
    program
      .command('change <action>')
      .description("any change of the console's change pipeline, planned from the live cluster, confirmed, audited: topic.upsert, topic.delete, group.upsert, group.delete, broker.config, namesrv.config, message.send, dlq.redrive, acl.*")
      .requiredOption('-r, --request <json>', 'the request as JSON (the README\'s HTTP API table lists each action\'s fields), or @file.json'),
  )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  rmqc change topic.upsert -r \'{"topic":"Orders","clusterName":"DefaultCluster","readQueueNums":8,"writeQueueNums":8}\'',
        '  rmqc change broker.config -r \'{"brokerName":"broker-a","changes":{"maxMessageSize":"8388608"}}\'',
        '  rmqc change group.delete -r @delete-group.json',
      ].join('\n'),
    )
    .action(
      run(async (c, action, ...rest) => {
        const o = optionsOf<ConfirmOptions & { request: string }>(rest);
        await planAndApply(c, action!, requestOf(o.request), o);
      }),
    );

  // under the read commands' topics and groups: one noun per resource, as operators type it
  const parent = (name: string) => {
    const found = program.commands.find((c) => c.name() === name);
    if (!found) throw new Error(`rmqc: register the read commands before the changes (${name})`);
    return found;
  };
  const topic = parent('topics');
  YES_OPTIONS(
    topic
      .command('upsert <topic>')
      .description('creates the topic, or changes its queues and permission, on a cluster or on brokers')
      .option('--cluster-name <name>', 'on every master of this broker cluster')
      .option('--brokers <names>', 'on these brokers (comma-separated brokerNames)')
      .option('--read-queues <n>', 'read queue number', '8')
      .option('--write-queues <n>', 'write queue number', '8')
      .option('--perm <perm>', '6 read-write, 4 read only, 2 write only')
      .option('--message-type <type>', '5.x: NORMAL, FIFO, DELAY, TRANSACTION'),
  ).action(
    run(async (c, name, ...rest) => {
      const o = optionsOf<ConfirmOptions & { clusterName?: string; brokers?: string; readQueues: string; writeQueues: string; perm?: string; messageType?: string }>(rest);
      await planAndApply(c, 'topic.upsert', {
        topic: name,
        ...where(o),
        readQueueNums: int(o.readQueues, '--read-queues'),
        writeQueueNums: int(o.writeQueues, '--write-queues'),
        ...(o.perm ? { perm: int(o.perm, '--perm') } : {}),
        ...(o.messageType ? { messageType: o.messageType } : {}),
      }, o);
    }),
  );
  YES_OPTIONS(topic.command('delete <topic>').description('deletes the topic from every broker and the namesrv')).action(
    run(async (c, name, ...rest) => planAndApply(c, 'topic.delete', { topic: name }, optionsOf<ConfirmOptions>(rest))),
  );

  const group = parent('groups');
  YES_OPTIONS(
    group
      .command('upsert <group>')
      .description("creates the group's subscription config, or changes it, on a cluster or on brokers")
      .option('--cluster-name <name>', 'on every master of this broker cluster')
      .option('--brokers <names>', 'on these brokers (comma-separated brokerNames)')
      .option('--retry-max-times <n>', 'redeliveries before the dead-letter queue')
      .option('--consume-enable <bool>', 'true or false: false stops every client of the group from pulling')
      .option('--consume-broadcast-enable <bool>', 'true or false')
      .option('--consume-orderly <bool>', 'true or false'),
  ).action(
    run(async (c, name, ...rest) => {
      const o = optionsOf<ConfirmOptions & { clusterName?: string; brokers?: string; retryMaxTimes?: string; consumeEnable?: string; consumeBroadcastEnable?: string; consumeOrderly?: string }>(rest);
      await planAndApply(c, 'group.upsert', {
        group: name,
        ...where(o),
        ...(o.retryMaxTimes ? { retryMaxTimes: int(o.retryMaxTimes, '--retry-max-times') } : {}),
        ...(o.consumeEnable ? { consumeEnable: bool(o.consumeEnable, '--consume-enable') } : {}),
        ...(o.consumeBroadcastEnable ? { consumeBroadcastEnable: bool(o.consumeBroadcastEnable, '--consume-broadcast-enable') } : {}),
        ...(o.consumeOrderly ? { consumeMessageOrderly: bool(o.consumeOrderly, '--consume-orderly') } : {}),
      }, o);
    }),
  );
  YES_OPTIONS(group.command('delete <group>').description("deletes the group's config from every broker").option('--clean-offset', 'also drop its offsets')).action(
    run(async (c, name, ...rest) => {
      const o = optionsOf<ConfirmOptions & { cleanOffset?: boolean }>(rest);
      await planAndApply(c, 'group.delete', { group: name, ...(o.cleanOffset ? { cleanOffset: true } : {}) }, o);
    }),
  );

  YES_OPTIONS(
    program
      .command('redrive <group>')
      .description("sends the group's dead letters back (copies, at most 200, each outcome audited; ones sent back before are skipped)")
      .option('--target <target>', 'retry (the group\'s %RETRY% topic) or original (the topic it came from)', 'retry')
      .option('--offset-msg-ids <ids>', 'only these dead letters (comma-separated offsetMsgIds)')
      .option('--begin <time>', 'dead letters stored from (ISO 8601 with zone, epoch ms, -2h)')
      .option('--end <time>', 'to'),
  ).action(
    run(async (c, name, ...rest) => {
      const o = optionsOf<ConfirmOptions & { target: string; offsetMsgIds?: string; begin?: string; end?: string }>(rest);
      await planAndApply(c, 'dlq.redrive', {
        group: name,
        target: o.target,
        ...(o.offsetMsgIds ? { offsetMsgIds: o.offsetMsgIds.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
        ...(o.begin ? { begin: parseTime(o.begin, '--begin') } : {}),
        ...(o.end ? { end: parseTime(o.end, '--end') } : {}),
      }, o);
    }),
  );

  YES_OPTIONS(
    program
      .command('undo <auditId>')
      .description('takes back an audited change or offset reset from its before-image: previews, asks, applies as a new audited change'),
  )
    .addHelpText('after', '\nExamples:\n  rmqc audit --group lab_cg_cluster\n  rmqc undo 42')
    .action(
      run(async (c, auditId, ...rest) => {
        const o = optionsOf<ConfirmOptions>(rest);
        const id = int(auditId!, 'auditId');
        const entry = await c.api.get<AuditView>(c.api.clusterPath(`/audit/${id}`));
        if (!entry.canUndo) throw new CliError(`audit entry #${id} cannot be undone: ${entry.undoReason ?? 'the console says no'}`, EXIT.CONFLICT);
        if (entry.change) {
          const plan = await c.api.post<ChangePlan>(c.api.clusterPath('/changes/undo/preview'), { auditId: id });
          return confirmAndApplyChange(c, plan, o);
        }
        await resetUndo(c, id, o);
      }),
    );
}

function where(o: { clusterName?: string; brokers?: string }): { clusterName: string } | { brokerNames: string[] } {
  if (o.clusterName && o.brokers) throw new CliError('--cluster-name and --brokers: pick one', EXIT.USAGE);
  if (o.clusterName) return { clusterName: o.clusterName };
  if (o.brokers) return { brokerNames: o.brokers.split(',').map((s) => s.trim()).filter(Boolean) };
  throw new CliError('where? pass --cluster-name <broker cluster> or --brokers <brokerName,...>', EXIT.USAGE);
}

function int(text: string, option: string): number {
  if (!/^\d+$/.test(text)) throw new CliError(`${option}: "${text}" is not a whole number`, EXIT.USAGE);
  return Number(text);
}

function bool(text: string, option: string): boolean {
  if (text !== 'true' && text !== 'false') throw new CliError(`${option}: "${text}" is not true or false`, EXIT.USAGE);
  return text === 'true';
}

function requestOf(text: string): unknown {
  let json = text;
  if (text.startsWith('@')) {
    try {
      json = readFileSync(text.slice(1), 'utf8');
    } catch (error) {
      throw new CliError(`--request: cannot read ${text.slice(1)}: ${error instanceof Error ? error.message : String(error)}`, EXIT.USAGE);
    }
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CliError(`--request is not JSON: ${error instanceof Error ? error.message : String(error)}`, EXIT.USAGE);
  }
}

async function planAndApply(c: CommandContext, action: string, request: unknown, o: ConfirmOptions): Promise<void> {
  const plan = await c.api.post<ChangePlan>(c.api.clusterPath('/changes/preview'), { action, request });
  await confirmAndApplyChange(c, plan, o);
}

async function confirmAndApplyChange(c: CommandContext, plan: ChangePlan, o: ConfirmOptions): Promise<void> {
  const digest = planDigest(plan);
  if (c.format === 'table') c.out.stdout(describePlan(plan, digest));
  const blocked = plan.blockers.length > 0;
  const nothing = plan.lines.length === 0;
  if (c.format !== 'table' && (blocked || nothing || !o.yes)) c.out.stdout(JSON.stringify({ digest, plan }, null, c.format === 'json' ? 2 : undefined) + '\n');
  if (blocked) throw new CliError(`the change cannot run as planned: ${plan.blockers.join('; ')}`, EXIT.CONFLICT);
  if (nothing) {
    c.out.stderr('nothing to change: the cluster already is as asked\n');
    return;
  }
  const name = plan.target.name;
  await confirmPlan(c, o, { digest, kind: plan.target.kind, name, what: 'plan', action: 'change' });
  const result = await c.api.post<ChangeResult>(c.api.clusterPath('/changes'), { previewId: plan.previewId, confirm: name });
  show(c, {
    answer: { digest, plan, result },
    rows: result.steps,
    columns: [
      { header: 'WHERE', value: (s: StepOutcome) => s.where },
      { header: 'OUTCOME', value: (s) => s.outcome },
      { header: 'RESULT', value: (s) => (s.result ? Object.entries(s.result).map(([k, v]) => `${k}=${v}`).join(' ') : '') },
      { header: 'ERROR', value: (s) => s.error ?? '' },
    ],
    notes: [`${result.status}: audit entry #${result.auditId} in ${result.durationMs} ms${plan.undo.possible ? `; take it back with: rmqc undo ${result.auditId}` : ''}`],
  });
  exitOnOutcome(result, 'the change applied in part', 'the change failed everywhere');
}

function describePlan(p: ChangePlan, digest: string): string {
  return [
    `${p.undoOf ? `Undo of audit #${p.undoOf}: ` : ''}${p.action} on ${p.target.kind} ${p.target.name}`,
    p.lines.length === 0
      ? 'no line changes'
      : table(p.lines, [
          { header: 'WHERE', value: (l: ChangeLine) => l.where },
          { header: 'FIELD', value: (l) => l.field },
          { header: 'BEFORE', value: (l) => l.before ?? '(none)' },
          { header: 'AFTER', value: (l) => l.after ?? '(none)' },
        ]).trimEnd(),
    ...p.warnings.map((w) => `warning: ${w}`),
    ...p.blockers.map((b) => `BLOCKED: ${b}`),
    p.undo.possible ? 'can be undone afterwards (rmqc undo <auditId>)' : `cannot be undone: ${p.undo.reason}`,
    `plan ${digest} (expires ${when(p.expiresAt)})`,
  ].join('\n') + '\n';
}
