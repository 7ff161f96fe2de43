'use client';

import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ResetPreview, ResetResult } from '@/lib/console/reset/types';
import { ApiError } from '../api/client';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { ErrorState } from '../ui/states';
import { PreviewTable } from './PreviewTable';
import { useSaid } from '../ui/said';

/**
 * The confirm step shared by a reset and an undo: shows the preview, asks for the group name when the reset skips
 * messages or covers whole topics, applies, and when the offsets moved meanwhile shows the difference and the new
 * preview and asks again.
 */
export function ConfirmApply({
  preview: initial,
  apply: mutation,
  onApplied,
  onCancel,
}: {
  preview: ResetPreview;
  /** The apply mutation (a reset's or an undo's): it invalidates what the change touched. */
  apply: UseMutationResult<ResetResult, Error, { previewId: string; confirm: string | boolean }>;
  onApplied: (result: ResetResult) => void;
  onCancel: () => void;
}) {
  const t = useTranslations('reset.confirm');
  const said = useSaid();
  const [preview, setPreview] = useState(initial);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [moved, setMoved] = useState<Array<{ topic: string; brokerName: string; queueId: number; previewed: number; now: number }>>([]);
  const busy = mutation.isPending;
  const confirmed = preview.requiresTypedConfirmation ? typed === preview.group : true;
  const apply = async () => {
    setError(undefined);
    try {
      const result = await mutation.mutateAsync({ previewId: preview.previewId, confirm: preview.requiresTypedConfirmation ? typed : true });
      onApplied(result);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'offsets_moved') {
        const details = e.details as { moved: typeof moved; preview: ResetPreview } | undefined;
        if (details) {
          setMoved(details.moved);
          setPreview(details.preview);
          setTyped('');
        }
      }
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const disabledReason = busy
    ? t('applyingReason')
    : preview.blockers.length > 0
      ? preview.blockers.map((b) => said(b, preview.said?.[b])).join('; ')
      : preview.totals.changed === 0
        ? t('nothingToChange')
        : !confirmed
          ? t('typeToConfirmReason', { group: preview.group })
          : undefined;
  return (
    <div>
      {moved.length > 0 && (
        <div className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="offsets-moved">
          <div className="font-medium">{t('offsetsMoved')}</div>
          <ul className="mt-1 list-disc pl-5">
            {moved.slice(0, 10).map((m) => (
              <li key={`${m.topic}-${m.brokerName}-${m.queueId}`}>
                {m.topic} {m.brokerName}/{m.queueId}: {m.previewed} → {m.now}
              </li>
            ))}
          </ul>
        </div>
      )}
      <PreviewTable preview={preview} />
      {error && <div className="mt-3"><ErrorState title={t('notApplied')} message={error} /></div>}
      <div className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
        {preview.requiresTypedConfirmation && (
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">
              {t.rich('typedConfirmation', { kind: preview.totals.skip > 0 ? 'skip' : 'topics', group: preview.group, strong: (chunks) => <strong className="font-mono">{chunks}</strong> })}
            </span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label={t('typedConfirmationLabel')} className="w-72 rounded border border-slate-300 px-2 py-1 font-mono" autoComplete="off" />
          </label>
        )}
        <DisabledReasonButton
          onClick={() => void apply()}
          disabledReason={disabledReason}
          className="rounded bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-700"
        >
          {busy ? t('applying') : preview.undoOf ? t('undoAudit', { id: String(preview.undoOf) }) : t('applyReset')}
        </DisabledReasonButton>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
