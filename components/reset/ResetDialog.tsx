'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useMemo, useState } from 'react';
import type { QueueLag } from '@/lib/console/lag/types';
import type { ResetMode, ResetResult } from '@/lib/console/reset/types';
import { errorText } from '../api/client';
import { useResetApply, useResetPreview, type ResetPreviewBody } from '../api/groups';
import { useCluster } from '../useCluster';
import { formatCount } from '../format';
import { ErrorState } from '../ui/states';
import { ConfirmApply } from './ConfirmApply';
import { ResultView } from './ResultView';

const AGO = [
  { label: 'ago10m', ms: 10 * 60_000 },
  { label: 'ago1h', ms: 3_600_000 },
  { label: 'ago6h', ms: 6 * 3_600_000 },
  { label: 'ago24h', ms: 24 * 3_600_000 },
] as const;

/** datetime-local value (the operator's zone) for an instant. */
function localInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function zoneLabel(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -new Date().getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${zone} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
}

/**
 * Reset a group's offsets: choose a topic (or all), a mode (a time, earliest, latest, given offsets per queue),
 * preview per queue, confirm, apply. Errors stay in the dialog with their reason.
 */
export function ResetDialog({ group, queues, onClose, initialTime }: { group: string; queues: QueueLag[]; onClose: () => void; initialTime?: number }) {
  const t = useTranslations('reset.dialog');
  const cluster = useCluster();
  const previewing = useResetPreview(cluster, group);
  const applying = useResetApply(cluster, group);
  const topics = useMemo(() => [...new Set(queues.map((q) => q.topic))].filter((name) => !name.startsWith('%RETRY%')).sort(), [queues]);
  const [topic, setTopic] = useState(topics[0] ?? '');
  const [mode, setMode] = useState<ResetMode>('timestamp');
  const [when, setWhen] = useState(() => localInput(initialTime ?? Date.now() - 3_600_000));
  const [offsets, setOffsets] = useState<Record<string, string>>({});
  const preview = previewing.data;
  const [result, setResult] = useState<ResetResult | undefined>();
  const busy = previewing.isPending;
  const topicQueues = queues.filter((q) => q.topic === topic);

  const doPreview = () => {
    const body: ResetPreviewBody = { mode };
    if (topic === '*') body.allTopics = true;
    else body.topic = topic;
    if (mode === 'timestamp') body.timestamp = new Date(when).getTime();
    if (mode === 'offset') {
      body.offsets = Object.entries(offsets)
        .filter(([, v]) => v.trim() !== '')
        .map(([key, v]) => {
          const [brokerName, queueId] = key.split('/') as [string, string];
          return { brokerName, queueId: Number(queueId), offset: Number(v) };
        });
    }
    previewing.mutate(body);
  };

  // opened with a time (the command palette): a group of one topic is previewed at once, as nothing is left to
  // choose; with several topics the operator picks one first. Either way nothing changes before the confirmation.
  const [autoPreview] = useState(() => initialTime !== undefined && topics.length === 1);
  useEffect(() => {
    if (autoPreview) doPreview();
    // once, when the dialog opens
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoPreview]);

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-6" role="dialog" aria-modal="true" aria-label={t('label', { group })}>
      <div className="w-full max-w-4xl rounded-lg bg-white shadow-xl">
        <div className="flex items-center justify-between border-b border-slate-200 px-5 py-3">
          <h2 className="text-lg font-semibold">{t.rich('title', { group, mono: (chunks) => <span className="font-mono">{chunks}</span> })}</h2>
          <button type="button" onClick={onClose} aria-label={t('close')} className="text-slate-500 hover:text-slate-900">✕</button>
        </div>
        <div className="p-5">
          {result ? (
            <>
              <ResultView result={result} />
              <div className="mt-4 flex justify-end">
                <button type="button" onClick={onClose} className="rounded bg-slate-800 px-3 py-1.5 text-sm font-medium text-white">{t('done')}</button>
              </div>
            </>
          ) : preview ? (
            <ConfirmApply
              preview={preview}
              apply={applying}
              onApplied={(r) => setResult(r)}
              onCancel={() => previewing.reset()}
            />
          ) : (
            <div className="space-y-4 text-sm">
              <label className="flex items-center gap-2">
                <span className="w-24 text-slate-600">{t('topic')}</span>
                <select value={topic} onChange={(e) => setTopic(e.target.value)} aria-label={t('topicLabel')} className="rounded border border-slate-300 px-2 py-1">
                  {topics.map((name) => <option key={name} value={name}>{name}</option>)}
                  <option value="*">{t('allTopics')}</option>
                </select>
              </label>
              <fieldset className="flex flex-wrap items-center gap-4">
                <legend className="sr-only">{t('resetTo')}</legend>
                <span className="w-24 text-slate-600">{t('resetTo')}</span>
                {([['timestamp', 'modeTimestamp'], ['earliest', 'modeEarliest'], ['latest', 'modeLatest'], ['offset', 'modeOffset']] as const).map(([m, label]) => (
                  <label key={m} className="flex items-center gap-1.5">
                    <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} disabled={m === 'offset' && topic === '*'} />
                    {t(label)}
                  </label>
                ))}
              </fieldset>
              {mode === 'timestamp' && (
                <div className="flex flex-wrap items-center gap-2 pl-26">
                  <input type="datetime-local" step={1} value={when} onChange={(e) => setWhen(e.target.value)} aria-label={t('timeLabel')} className="rounded border border-slate-300 px-2 py-1" />
                  <span className="text-slate-500" data-testid="zone">{zoneLabel()}</span>
                  {AGO.map((a) => (
                    <button key={a.label} type="button" onClick={() => setWhen(localInput(Date.now() - a.ms))} className="rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50">
                      {t(a.label)}
                    </button>
                  ))}
                </div>
              )}
              {mode === 'offset' && (
                <div className="max-h-72 overflow-auto rounded border border-slate-200">
                  <table className="min-w-full">
                    <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase text-slate-500">
                      <tr><th className="px-3 py-1.5">{t('broker')}</th><th className="px-3 py-1.5 text-right">{t('queue')}</th><th className="px-3 py-1.5 text-right">{t('consumerOffset')}</th><th className="px-3 py-1.5 text-right">{t('brokerOffset')}</th><th className="px-3 py-1.5">{t('newOffset')}</th></tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {topicQueues.map((q) => {
                        const key = `${q.brokerName}/${q.queueId}`;
                        return (
                          <tr key={key}>
                            <td className="px-3 py-1">{q.brokerName}</td>
                            <td className="num px-3 py-1">{q.queueId}</td>
                            <td className="num px-3 py-1">{formatCount(q.consumerOffset)}</td>
                            <td className="num px-3 py-1">{formatCount(q.brokerOffset)}</td>
                            <td className="px-3 py-1">
                              <input
                                inputMode="numeric"
                                value={offsets[key] ?? ''}
                                onChange={(e) => setOffsets({ ...offsets, [key]: e.target.value })}
                                aria-label={t('newOffsetFor', { queue: key })}
                                placeholder={t('unchanged')}
                                className="w-28 rounded border border-slate-300 px-2 py-0.5 text-right"
                              />
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              {previewing.error && <ErrorState title={t('cannotReset')} message={errorText(previewing.error)} />}
              <div className="flex justify-end gap-2 border-t border-slate-200 pt-3">
                <button type="button" onClick={onClose} className="rounded border border-slate-300 bg-white px-3 py-1.5">{t('cancel')}</button>
                <button type="button" onClick={doPreview} disabled={busy || !topic} className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white disabled:opacity-50">
                  {busy ? t('computing') : t('preview')}
                </button>
              </div>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
