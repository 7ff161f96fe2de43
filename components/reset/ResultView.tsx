'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ResetResult } from '@/lib/console/reset/types';
import { formatCount } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { Badge } from '../ui/Badge';

export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations('reset.result');
  const tone: Record<string, string> = {
    completed: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
    partial: 'bg-amber-50 text-amber-800 ring-amber-200',
    failed: 'bg-red-50 text-red-700 ring-red-200',
    interrupted: 'bg-red-50 text-red-700 ring-red-200',
    unknown: 'bg-amber-50 text-amber-800 ring-amber-200',
    started: 'bg-sky-50 text-sky-700 ring-sky-200',
  };
  return <Badge tone={tone[status]}>{t('status', { status })}</Badge>;
}

export function Outcome({ outcome, error }: { outcome?: string; error?: string }) {
  const t = useTranslations('reset.result');
  if (outcome === 'reset') return <span className="text-emerald-700">{t('reset')}</span>;
  if (outcome === 'unknown') return <span className="text-amber-800" title={error}>{error?.startsWith('not recorded') ? t('unknownInterrupted') : t('unknownNoAnswer')}</span>;
  return <span className="text-red-700">{error ?? t('notReset')}</span>;
}

/** What a reset did, queue by queue, with the way to its audit entry (and from there, undo). */
export function ResultView({ result }: { result: ResetResult }) {
  const t = useTranslations('reset.result');
  const cluster = useCluster();
  return (
    <div data-testid="reset-result">
      <div className="mb-2 flex items-center gap-2 text-sm">
        <StatusBadge status={result.status} />
        <span>
          {t('summary', { ok: formatCount(result.queues.filter((q) => q.ok).length), total: formatCount(result.queues.length), ms: formatCount(result.durationMs) })}
        </span>
        <Link href={paths.auditEntry(cluster, result.auditId)} className="font-medium text-blue-700 hover:underline" data-testid="audit-link">
          {t('auditEntry', { id: String(result.auditId) })}
        </Link>
      </div>
      <div className="max-h-64 overflow-auto rounded border border-slate-200">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
            <tr><th className="px-3 py-1.5">{t('topic')}</th><th className="px-3 py-1.5">{t('broker')}</th><th className="px-3 py-1.5 text-right">{t('queue')}</th><th className="px-3 py-1.5 text-right">{t('before')}</th><th className="px-3 py-1.5 text-right">{t('target')}</th><th className="px-3 py-1.5">{t('result')}</th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {result.queues.map((q) => (
              <tr key={`${q.topic}-${q.brokerName}-${q.queueId}`}>
                <td className="px-3 py-1">{q.topic}</td>
                <td className="px-3 py-1">{q.brokerName}</td>
                <td className="num px-3 py-1">{q.queueId}</td>
                <td className="num px-3 py-1">{formatCount(q.before)}</td>
                <td className="num px-3 py-1">{formatCount(q.target)}</td>
                <td className="px-3 py-1"><Outcome outcome={q.outcome} error={q.error} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
