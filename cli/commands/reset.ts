import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import type { PreviewQueue, ResetPreview, ResetResult, AppliedQueue } from '../../lib/console/reset/types';
import { ApiError } from '../http';
import { CliError, EXIT } from '../exit-codes';
import { show, type CommandContext, type Run } from '../context';
import { table, when } from '../output';
import { parseTime } from '../time';
import { confirmPlan, exitOnOutcome, type ConfirmOptions } from '../confirm';
import { optionsOf } from './read';

interface ResetOptions extends ConfirmOptions {
  topic?: string;
  allTopics?: boolean;
  to?: string;
  earliest?: boolean;
  latest?: boolean;
  offset?: string[];
}

/**
 * The preview's fingerprint: the group, and where each queue would go. A script passes the one it was shown
 * (--expect-preview) with --yes, so it cannot apply a plan it did not see: new messages move a reset to the latest,
 * a deleted queue drops out, and the fingerprint changes with them.
 */
export function previewDigest(p: Pick<ResetPreview, 'group' | 'mode' | 'queues'>): string {
  const targets = p.queues.map((q) => `${q.topic}/${q.brokerName}/${q.queueId}=${q.targetOffset}`).sort();
  return createHash('sha256').update([p.group, p.mode, ...targets].join('\n')).digest('hex').slice(0, 12);
}

export function registerResetCommands(program: Command, run: Run): void {
  program
    .command('reset <group>')
    .description("move a group's consumer offsets (retroactive consumption): previews, asks for the group name typed, then applies; audited")
    .option('-t, --topic <topic>', 'the topic to reset')
    .option('--all-topics', 'every topic the group has offsets on (its retry topic excluded)')
    .option('--to <time>', 'to the first message stored at or after this time: ISO 8601 with a zone, epoch ms, or -30m / -2h / -1d')
    .option('--earliest', 'to the oldest message each queue still holds')
    .option('--latest', 'to the end of each queue (skips the lag)')
    .option('--offset <broker:queueId=offset...>', 'these queues to these offsets (the others stay)')
    .option('-y, --yes', 'apply without asking: for scripts, and only with --expect-preview')
    .option('--expect-preview <digest>', 'the preview digest the script was shown: apply only if the fresh preview still has it')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  rmqc reset lab_cg_cluster --topic LabTopic --to 2026-12-02T15:00:00Z',
        '  rmqc reset lab_cg_cluster --topic LabTopic --to -2h',
        '  rmqc reset lab_cg_cluster --all-topics --latest',
        '  rmqc reset lab_cg_cluster --topic LabTopic --offset broker-a:0=120 --offset broker-b:3=0',
        '  # a script: read the preview first, then apply exactly that one',
        '  d=$(rmqc reset g --topic T --earliest --json < /dev/null | jq -r .digest)',
        '  rmqc reset g --topic T --earliest --yes --expect-preview "$d"',
        '',
        'Exit codes: 0 applied (or nothing to change), 2 bad input or no terminal to confirm on, 5 blocked, refused or',
        'the preview differs from --expect-preview, 7 some queues failed.',
      ].join('\n'),
    )
    .action(
      run(async (c, group, ...rest) => {
        const o = optionsOf<ResetOptions>(rest);
        const body = { ...scopeOf(o), ...modeOf(o) };
        const preview = await c.api.post<ResetPreview>(c.api.clusterPath(`/groups/${encodeURIComponent(group!)}/reset/preview`), body);
        await confirmAndApply(c, preview, o, c.api.clusterPath(`/groups/${encodeURIComponent(group!)}/reset`));
      }),
    );
}

function scopeOf(o: ResetOptions): { topic?: string; allTopics?: boolean } {
  if (o.topic && o.allTopics) throw new CliError('--topic and --all-topics: pick one', EXIT.USAGE);
  if (!o.topic && !o.allTopics && !o.offset) throw new CliError('which topic? pass --topic <topic> or --all-topics', EXIT.USAGE);
  return o.allTopics ? { allTopics: true } : o.topic ? { topic: o.topic } : {};
}

function modeOf(o: ResetOptions): Record<string, unknown> {
  const given = [o.to !== undefined, o.earliest, o.latest, o.offset !== undefined].filter(Boolean).length;
  if (given !== 1) throw new CliError('where to? pass exactly one of --to <time>, --earliest, --latest, --offset <broker:queueId=offset>', EXIT.USAGE);
  if (o.to !== undefined) return { mode: 'timestamp', timestamp: parseTime(o.to, '--to') };
  if (o.earliest) return { mode: 'earliest' };
  if (o.latest) return { mode: 'latest' };
  return {
    mode: 'offset',
    offsets: o.offset!.map((spec) => {
      const m = /^([^:=\s]+):(\d+)=(\d+)$/.exec(spec);
      if (!m) throw new CliError(`--offset: "${spec}" is not broker:queueId=offset (broker-a:0=120)`, EXIT.USAGE);
      return { ...(o.topic ? { topic: o.topic } : {}), brokerName: m[1]!, queueId: Number(m[2]), offset: Number(m[3]) };
    }),
  };
}

/** Undo of an audited offset reset: the preview that restores the offsets it replaced, confirmed the same way. */
export async function resetUndo(c: CommandContext, auditId: number, o: ConfirmOptions): Promise<void> {
  const preview = await c.api.post<ResetPreview>(c.api.clusterPath(`/audit/${auditId}/undo/preview`), {});
  await confirmAndApply(c, preview, o, c.api.clusterPath(`/audit/${auditId}/undo`));
}

async function confirmAndApply(c: CommandContext, preview: ResetPreview, o: ConfirmOptions, applyPath: string): Promise<void> {
  const digest = previewDigest(preview);
  if (c.format === 'table') c.out.stdout(describePreview(preview, digest));
  const blocked = preview.blockers.length > 0;
  const nothing = preview.totals.changed === 0;
  if (c.format !== 'table' && (blocked || nothing || !o.yes)) {
    // what a script reads to decide: the preview and its digest (prompts, if any, go to stderr)
    c.out.stdout(JSON.stringify({ digest, preview }, null, c.format === 'json' ? 2 : undefined) + '\n');
  }
  if (blocked) throw new CliError(`the reset cannot run as previewed: ${preview.blockers.join('; ')}`, EXIT.CONFLICT);
  if (nothing) {
    c.out.stderr('nothing to change: every queue is already there\n');
    return;
  }
  await confirmPlan(c, o, { digest, kind: 'group', name: preview.group, what: 'preview', action: 'reset' });
  let result: ResetResult;
  try {
    result = await c.api.post<ResetResult>(applyPath, { previewId: preview.previewId, confirm: preview.group });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'offsets_moved') throw new CliError(`${error.message}: nothing was changed; preview again`, EXIT.CONFLICT);
    throw error;
  }
  show(c, {
    answer: { digest, preview, result },
    rows: result.queues,
    columns: [
      { header: 'TOPIC', value: (q: AppliedQueue) => q.topic },
      { header: 'BROKER', value: (q) => q.brokerName },
      { header: 'QUEUE', value: (q) => q.queueId, align: 'right' },
      { header: 'BEFORE', value: (q) => q.before, align: 'right' },
      { header: 'TARGET', value: (q) => q.target, align: 'right' },
      { header: 'OUTCOME', value: (q) => q.outcome },
      { header: 'ERROR', value: (q) => q.error ?? '' },
    ],
    notes: [`${result.status}: audit entry #${result.auditId} in ${result.durationMs} ms; put it back with: rmqc undo ${result.auditId}`],
  });
  exitOnOutcome(result, 'the reset applied to some queues only', 'the reset failed on every queue');
}

function describePreview(p: ResetPreview, digest: string): string {
  const lines = [
    `${p.undoOf ? `Undo of audit #${p.undoOf}: ` : ''}reset ${p.group} on ${p.topics.join(', ')} to ${p.mode === 'timestamp' ? when(p.timestamp) : p.mode}`,
    table(p.queues, [
      { header: 'TOPIC', value: (q: PreviewQueue) => q.topic },
      { header: 'BROKER', value: (q) => q.brokerName },
      { header: 'QUEUE', value: (q) => q.queueId, align: 'right' },
      { header: 'CURRENT', value: (q) => q.currentOffset, align: 'right' },
      { header: 'TARGET', value: (q) => q.targetOffset, align: 'right' },
      { header: 'DELTA', value: (q) => (q.delta > 0 ? `+${q.delta}` : q.delta), align: 'right' },
      { header: 'BROKER OFFSET', value: (q) => q.brokerOffset, align: 'right' },
      { header: 'OLDEST KEPT', value: (q) => when(q.earliestStoreTime) },
    ]).trimEnd(),
    `${p.totals.changed} of ${p.totals.queues} queues change: ${p.totals.replay} messages replayed, ${p.totals.skip} skipped`,
    `online clients: ${p.online.clients}${p.online.viaProxy ? ` (+${p.online.viaProxy.clients} through ${p.online.viaProxy.proxy})` : ''}; applied by ${Object.entries(p.methods).map(([b, m]) => `${b} ${m}`).join(', ')}`,
    ...p.warnings.map((w) => `warning: ${w}`),
    ...p.blockers.map((b) => `BLOCKED: ${b}`),
    `preview ${digest} (expires ${when(p.expiresAt)})`,
  ];
  return lines.join('\n') + '\n';
}
