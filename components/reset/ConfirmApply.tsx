'use client';

import { useState } from 'react';
import type { ResetPreview, ResetResult } from '@/lib/console/reset/types';
import { ApiError, fetchJson } from '../api';
import { ErrorState } from '../ui/states';
import { PreviewTable } from './PreviewTable';

/**
 * The confirm step shared by a reset and an undo: shows the preview, asks for the group name when the reset skips
 * messages or covers whole topics, applies, and when the offsets moved meanwhile shows the difference and the new
 * preview and asks again.
 */
export function ConfirmApply({
  preview: initial,
  applyUrl,
  onApplied,
  onCancel,
}: {
  preview: ResetPreview;
  applyUrl: string;
  onApplied: (result: ResetResult) => void;
  onCancel: () => void;
}) {
  const [preview, setPreview] = useState(initial);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [moved, setMoved] = useState<Array<{ topic: string; brokerName: string; queueId: number; previewed: number; now: number }>>([]);
  const [busy, setBusy] = useState(false);
  const confirmed = preview.requiresTypedConfirmation ? typed === preview.group : true;
  const apply = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await fetchJson<ResetResult>(applyUrl, { method: 'POST', body: JSON.stringify({ previewId: preview.previewId, confirm: preview.requiresTypedConfirmation ? typed : true }) });
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
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      {moved.length > 0 && (
        <div className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="offsets-moved">
          <div className="font-medium">The group's offsets moved since the preview. Here is the new preview.</div>
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
      {error && <div className="mt-3"><ErrorState title="Not applied" message={error} /></div>}
      <div className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-200 pt-3">
        {preview.requiresTypedConfirmation && (
          <label className="flex flex-col text-sm">
            <span className="mb-1 text-slate-700">
              This {preview.totals.skip > 0 ? 'skips messages' : 'moves whole topics'}. Type <strong className="font-mono">{preview.group}</strong> to confirm:
            </span>
            <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type the group name to confirm" className="w-72 rounded border border-slate-300 px-2 py-1 font-mono" autoComplete="off" />
          </label>
        )}
        <button
          type="button"
          onClick={() => void apply()}
          disabled={!confirmed || busy || preview.blockers.length > 0 || preview.totals.changed === 0}
          className="rounded bg-red-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-700 disabled:cursor-not-allowed disabled:opacity-50"
        >
          {busy ? 'Applying…' : preview.undoOf ? `Undo audit #${preview.undoOf}` : 'Apply reset'}
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm">
          Cancel
        </button>
      </div>
    </div>
  );
}
