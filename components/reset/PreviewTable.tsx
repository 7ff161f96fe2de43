'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ResetPreview } from '@/lib/console/reset/types';
import { formatCount } from '../format';
import { Timestamp } from '../ui/Timestamp';
import { useSaid } from '../ui/said';

/** The per-queue plan of a reset: where each queue is, where it will be, and what that replays or skips. */
export function PreviewTable({ preview }: { preview: ResetPreview }) {
  const t = useTranslations('reset.preview');
  const said = useSaid();
  const changed = preview.queues.filter((q) => q.delta !== 0);
  // resets by time and to the earliest show how far back each queue can go (its oldest stored message)
  const horizon = preview.mode === 'timestamp' || preview.mode === 'earliest';
  return (
    <div>
      <div className="mb-2 flex flex-wrap gap-4 text-sm" data-testid="preview-totals">
        <span>
          {t.rich('queuesChange', { changed: formatCount(preview.totals.changed), queues: formatCount(preview.totals.queues), strong: (chunks: ReactNode) => <strong className="tabular-nums">{chunks}</strong> })}
        </span>
        <span className={preview.totals.replay > 0 ? 'text-amber-800' : ''}>
          {t.rich('replays', { count: formatCount(preview.totals.replay), strong: (chunks: ReactNode) => <strong className="tabular-nums" data-testid="preview-replay">{chunks}</strong> })}
        </span>
        <span className={preview.totals.skip > 0 ? 'text-red-700' : ''}>
          {t.rich('skips', { count: formatCount(preview.totals.skip), strong: (chunks: ReactNode) => <strong className="tabular-nums" data-testid="preview-skip">{chunks}</strong> })}
        </span>
        <span className="text-slate-500">
          {Object.entries(preview.methods).map(([b, m]) => t('method', { broker: b, method: m === 'server-side' ? 'server' : m === 'client-push' ? 'client' : 'commit' })).join(' · ')}
        </span>
      </div>
      <div className="max-h-80 overflow-auto rounded border border-slate-200">
        <table className="min-w-full text-sm">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5">{t('topic')}</th>
              <th className="px-3 py-1.5">{t('broker')}</th>
              <th className="px-3 py-1.5 text-right">{t('queue')}</th>
              <th className="px-3 py-1.5 text-right">{t('currentOffset')}</th>
              <th className="px-3 py-1.5 text-right">{t('targetOffset')}</th>
              <th className="px-3 py-1.5 text-right">{t('brokerOffset')}</th>
              {horizon && <th className="px-3 py-1.5" title={t('oldestStoredTitle')}>{t('oldestStored')}</th>}
              <th className="px-3 py-1.5 text-right">{t('change')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.queues.map((q) => (
              <tr key={`${q.topic}-${q.brokerName}-${q.queueId}`} data-testid="preview-row" className={q.delta === 0 ? 'text-slate-400' : ''}>
                <td className="px-3 py-1">{q.topic}</td>
                <td className="px-3 py-1">{q.brokerName}</td>
                <td className="num px-3 py-1">{q.queueId}</td>
                <td className="num px-3 py-1">{formatCount(q.currentOffset)}</td>
                <td className="num px-3 py-1 font-medium">{formatCount(q.targetOffset)}</td>
                <td className="num px-3 py-1">{formatCount(q.brokerOffset)}</td>
                {horizon && (
                  <td
                    className={`px-3 py-1 ${preview.timestamp !== undefined && q.earliestStoreTime !== undefined && preview.timestamp < q.earliestStoreTime ? 'font-medium text-amber-800' : ''}`}
                    data-testid="preview-horizon"
                  >
                    {q.earliestStoreTime !== undefined ? <Timestamp ms={q.earliestStoreTime} compact /> : q.brokerOffset > q.minOffset ? t('unknown') : t('empty')}
                  </td>
                )}
                <td className="num px-3 py-1">
                  {q.delta < 0 ? <span className="text-amber-800">{t('replay', { count: formatCount(-q.delta) })}</span> : q.delta > 0 ? <span className="text-red-700">{t('skip', { count: formatCount(q.delta) })}</span> : t('unchanged')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {changed.length === 0 && <p className="mt-2 text-sm text-slate-600">{t('nothingWouldChange')}</p>}
      {preview.warnings.map((w) => (
        <p key={w} className="mt-2 text-sm text-amber-800">⚠ {said(w, preview.said?.[w])}</p>
      ))}
      {preview.blockers.map((b) => (
        <p key={b} className="mt-2 text-sm font-medium text-red-700" data-testid="preview-blocker">✖ {said(b, preview.said?.[b])}</p>
      ))}
    </div>
  );
}
