'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ChangeResult } from '@/lib/console/changes/types';
import { useChangePreview } from '../api/changes';
import { ChangeDone, ChangeModal, ConfirmChange } from '../changes/ConfirmChange';
import { PlanFormFooter } from '../changes/FormParts';
import { fromLocalInput, toLocalInput } from '../messages/scan-time';
import { useCluster } from '../useCluster';

type Selection = 'oldest' | 'window';

/**
 * Sending dead letters back: where to (the group's retry topic or their original topic), which ones (the given
 * messages, the oldest 200, or those stored in a time range), the preview of every message, the typed group name,
 * then the progress message by message.
 */
export function RedriveDialog({ group, offsetMsgIds, onClose }: { group: string; offsetMsgIds?: string[]; onClose: () => void }) {
  const t = useTranslations('dlq');
  const cluster = useCluster();
  const preview = useChangePreview(cluster);
  const [target, setTarget] = useState<'retry' | 'original'>('retry');
  const [selection, setSelection] = useState<Selection>('oldest');
  const [begin, setBegin] = useState(() => toLocalInput(Date.now() - 24 * 3_600_000));
  const [end, setEnd] = useState(() => toLocalInput(Date.now()));
  const [formError, setFormError] = useState<string | undefined>();
  const [result, setResult] = useState<ChangeResult | undefined>();

  const submit = () => {
    setFormError(undefined);
    const request: Record<string, unknown> = { group, target };
    if (offsetMsgIds) request.offsetMsgIds = offsetMsgIds;
    else if (selection === 'window') {
      const b = fromLocalInput(begin);
      const e = fromLocalInput(end);
      if (b === undefined || e === undefined) return setFormError(t('redrive.timesRequired'));
      request.begin = b;
      request.end = e;
    }
    preview.mutate({ action: 'dlq.redrive', request });
  };

  return (
    <ChangeModal title={t('redrive.title', { group })} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium text-slate-700">{t('redrive.whereTo')}</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="target" checked={target === 'retry'} onChange={() => setTarget('retry')} aria-label={t('redrive.toRetryLabel')} />
              <span>{t.rich('redrive.toRetry', { group, b: (chunks) => <b>{chunks}</b> })}</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="target" checked={target === 'original'} onChange={() => setTarget('original')} aria-label={t('redrive.toOriginalLabel')} />
              <span>{t.rich('redrive.toOriginal', { b: (chunks) => <b>{chunks}</b> })}</span>
            </label>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium text-slate-700">{t('redrive.which')}</legend>
            {offsetMsgIds ? (
              <p data-testid="redrive-selected">
                {t('redrive.selected', { count: offsetMsgIds.length })} <span className="font-mono text-xs">{offsetMsgIds.join(', ')}</span>
              </p>
            ) : (
              <>
                <label className="flex items-center gap-2">
                  <input type="radio" name="selection" checked={selection === 'oldest'} onChange={() => setSelection('oldest')} aria-label={t('redrive.oldestLabel')} />
                  <span>{t('redrive.oldest')}</span>
                </label>
                <label className="flex flex-wrap items-center gap-2">
                  <input type="radio" name="selection" checked={selection === 'window'} onChange={() => setSelection('window')} aria-label={t('redrive.windowLabel')} />
                  <span>{t('redrive.storedBetween')}</span>
                  <input type="datetime-local" step={1} value={begin} onChange={(e) => (setBegin(e.target.value), setSelection('window'))} aria-label={t('redrive.from')} className="rounded border border-slate-300 px-2 py-0.5" />
                  <span>{t('redrive.and')}</span>
                  <input type="datetime-local" step={1} value={end} onChange={(e) => (setEnd(e.target.value), setSelection('window'))} aria-label={t('redrive.until')} className="rounded border border-slate-300 px-2 py-0.5" />
                  <span className="text-slate-500">{Intl.DateTimeFormat().resolvedOptions().timeZone}</span>
                </label>
              </>
            )}
          </fieldset>
          <p className="text-slate-500">{t('redrive.help')}</p>
          <PlanFormFooter error={formError ?? preview.error} pending={preview.isPending} onCancel={onClose} errorTitle={t('redrive.errorTitle')} />
        </form>
      )}
    </ChangeModal>
  );
}
