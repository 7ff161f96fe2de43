'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { queueKey } from '../format';
import { useAuditEntry, useUndoApply, useUndoPreview } from '../api/audit';
import { errorText } from '../api/client';
import { useCan } from '../api/session';
import { paths } from '../paths';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { useCluster } from '../useCluster';
import { formatCount, formatDuration } from '../format';
import { ConfirmApply } from '../reset/ConfirmApply';
import { Outcome, StatusBadge } from '../reset/ResultView';
import { Card, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { ChangeEntryView } from './ChangeEntryView';

/** One audited reset: what was asked, the offsets before, the targets, the outcome per queue, and Undo. */
export function AuditEntryView({ auditId }: { auditId: number }) {
  const cluster = useCluster();
  const router = useRouter();
  const query = useAuditEntry(cluster, auditId);
  const undoPreview = useUndoPreview(cluster, auditId);
  const undoApply = useUndoApply(cluster, auditId);
  const can = useCan(cluster, 'audit:undo');
  const t = useTranslations('audit');
  const undo = undoPreview.data;
  const e = query.data;
  if (query.error) return <ErrorState message={query.error.message} />;
  if (!e) return <Spinner />;
  if (e.change) {
    const header = (
      <>
        <StatusBadge status={e.status} />
        <span>{e.durationMs !== null ? t('entry.finishedIn', { ms: formatCount(e.durationMs) }) : e.status === 'started' ? t('entry.running') : t('entry.interrupted')}</span>
        <span>{t.rich('entry.by', { actor: e.actor, channel: e.channel, strong: (c) => <strong data-testid="audit-actor">{c}</strong>, muted: (c) => <span className="text-slate-500">{c}</span>, time: () => <Timestamp ms={e.at} /> })}</span>
        {e.topic && <Link className="text-blue-700 hover:underline" href={paths.topic(cluster, e.topic)}>{t('entry.topic', { topic: e.topic })}</Link>}
        {e.undoOf && <Link className="text-blue-700 hover:underline" href={paths.auditEntry(cluster, e.undoOf)}>{t('entry.undoes', { id: String(e.undoOf) })}</Link>}
        {e.undoneBy.map((id) => <Link key={id} className="text-blue-700 hover:underline" href={paths.auditEntry(cluster, id)}>{t('entry.undoneBy', { id: String(id) })}</Link>)}
      </>
    );
    return <ChangeEntryView entry={{ ...e, change: e.change }} header={header} />;
  }
  const results = new Map((e.results ?? []).map((r) => [queueKey(r), r]));
  const p = e.params as { mode?: string; timestamp?: number };
  const undoReason = can.reason ?? e.undoReason ?? (undoPreview.isPending ? t('entry.computingUndo') : undo ? t('entry.undoOpen') : undefined);
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center gap-3 text-sm">
        <StatusBadge status={e.status} />
        <span data-testid="audit-status-text">
          {e.status === 'interrupted'
            ? t('entry.interruptedOutcome', { known: formatCount((e.results ?? []).filter((r) => !r.error?.startsWith('not recorded')).length), planned: formatCount(e.planned.length) })
            : e.status === 'started'
              ? t('entry.running')
              : t('entry.finishedIn', { ms: formatCount(e.durationMs ?? 0) })}
        </span>
        <span>{t.rich('entry.by', { actor: e.actor, channel: e.channel, strong: (c) => <strong data-testid="audit-actor">{c}</strong>, muted: (c) => <span className="text-slate-500">{c}</span>, time: () => <Timestamp ms={e.at} /> })}</span>
        {e.group && <Link className="text-blue-700 hover:underline" href={paths.group(cluster, e.group)}>{t('entry.group', { group: e.group })}</Link>}
        {e.undoOf && <Link className="text-blue-700 hover:underline" href={paths.auditEntry(cluster, e.undoOf)}>{t('entry.undoes', { id: String(e.undoOf) })}</Link>}
        {e.undoneBy.map((id) => <Link key={id} className="text-blue-700 hover:underline" href={paths.auditEntry(cluster, id)}>{t('entry.undoneBy', { id: String(id) })}</Link>)}
        <div className="ml-auto">
          <DisabledReasonButton
            onClick={() => undoPreview.mutate()}
            disabledReason={undoReason}
            testId="undo-button"
            className="rounded border border-slate-300 bg-white px-3 py-1.5 font-medium shadow-sm hover:bg-slate-50"
          >
            {t('entry.undo')}
          </DisabledReasonButton>
        </div>
      </div>
      {undoPreview.error && <div className="mb-4"><ErrorState title={t('entry.cannotUndo')} message={errorText(undoPreview.error)} /></div>}
      {undo && (
        <Card title={t('entry.undoTitle', { id: String(auditId) })} className="mb-5">
          <div className="p-4">
            <ConfirmApply
              preview={undo}
              apply={undoApply}
              onApplied={(r) => router.push(paths.auditEntry(cluster, r.auditId))}
              onCancel={() => undoPreview.reset()}
            />
          </div>
        </Card>
      )}
      <Card title={t('entry.request')} className="mb-5">
        <dl className="grid grid-cols-2 gap-3 p-4 text-sm md:grid-cols-4">
          <div><dt className="text-xs uppercase text-slate-500">{t('entry.action')}</dt><dd>{e.action}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">{t('entry.target')}</dt><dd className="font-mono">{e.target}</dd></div>
          <div><dt className="text-xs uppercase text-slate-500">{t('entry.mode')}</dt><dd>{p.mode ?? '—'}</dd></div>
          <div>
            <dt className="text-xs uppercase text-slate-500">{t('entry.time')}</dt>
            <dd>{p.timestamp ? <><Timestamp ms={p.timestamp} showAge={false} /> <span className="text-slate-500">{t('entry.beforeReset', { duration: formatDuration(e.at - p.timestamp) })}</span></> : '—'}</dd>
          </div>
        </dl>
        {e.error && <p className="px-4 pb-3 text-sm text-red-700">{e.error}</p>}
      </Card>
      <Card title={t('entry.queues', { count: formatCount(e.planned.length) })}>
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('entry.topicHeader')}</th><th className="px-3 py-2">{t('entry.broker')}</th><th className="px-3 py-2 text-right">{t('entry.queue')}</th>
              <th className="px-3 py-2 text-right">{t('entry.offsetBefore')}</th><th className="px-3 py-2 text-right">{t('entry.targetHeader')}</th><th className="px-3 py-2 text-right">{t('entry.applied')}</th><th className="px-3 py-2">{t('entry.result')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {e.planned.map((q) => {
              const r = results.get(queueKey(q));
              return (
                <tr key={`${q.topic}-${q.brokerName}-${q.queueId}`} data-testid="audit-queue-row">
                  <td className="px-3 py-1">{q.topic}</td>
                  <td className="px-3 py-1">{q.brokerName}</td>
                  <td className="num px-3 py-1">{q.queueId}</td>
                  <td className="num px-3 py-1">{formatCount(q.before)}</td>
                  <td className="num px-3 py-1">{formatCount(q.target)}</td>
                  <td className="num px-3 py-1">{r?.applied === undefined ? '—' : formatCount(r.applied)}</td>
                  <td className="px-3 py-1">
                    <Outcome outcome={r?.outcome} error={r?.error} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
