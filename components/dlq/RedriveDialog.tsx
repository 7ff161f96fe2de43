'use client';

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
      if (b === undefined || e === undefined) return setFormError('begin and end must both be times');
      request.begin = b;
      request.end = e;
    }
    preview.mutate({ action: 'dlq.redrive', request });
  };

  return (
    <ChangeModal title={`Send the dead letters of ${group} back`} onClose={onClose}>
      {result ? (
        <ChangeDone result={result} onClose={onClose} />
      ) : preview.data ? (
        <ConfirmChange plan={preview.data} onApplied={setResult} onCancel={() => preview.reset()} />
      ) : (
        <form className="space-y-3 text-sm" onSubmit={(e) => (e.preventDefault(), submit())}>
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium text-slate-700">Where to</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="target" checked={target === 'retry'} onChange={() => setTarget('retry')} aria-label="To the group's retry topic" />
              <span>
                <b>To the group&apos;s retry topic</b>: only {group} receives them again, as messages of their original topic, with their retries counted from 0.
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="target" checked={target === 'original'} onChange={() => setTarget('original')} aria-label="To their original topic" />
              <span>
                <b>To their original topic</b>: every group subscribed to it receives them again (needed for POP and gRPC groups).
              </span>
            </label>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="mb-1 font-medium text-slate-700">Which</legend>
            {offsetMsgIds ? (
              <p data-testid="redrive-selected">
                {offsetMsgIds.length === 1 ? 'This dead letter' : `These ${offsetMsgIds.length} dead letters`}: <span className="font-mono text-xs">{offsetMsgIds.join(', ')}</span>
              </p>
            ) : (
              <>
                <label className="flex items-center gap-2">
                  <input type="radio" name="selection" checked={selection === 'oldest'} onChange={() => setSelection('oldest')} aria-label="The oldest dead letters" />
                  <span>The oldest 200 (all of them when there are fewer)</span>
                </label>
                <label className="flex flex-wrap items-center gap-2">
                  <input type="radio" name="selection" checked={selection === 'window'} onChange={() => setSelection('window')} aria-label="Dead letters stored in a time range" />
                  <span>Stored between</span>
                  <input type="datetime-local" step={1} value={begin} onChange={(e) => (setBegin(e.target.value), setSelection('window'))} aria-label="Redrive from" className="rounded border border-slate-300 px-2 py-0.5" />
                  <span>and</span>
                  <input type="datetime-local" step={1} value={end} onChange={(e) => (setEnd(e.target.value), setSelection('window'))} aria-label="Redrive until" className="rounded border border-slate-300 px-2 py-0.5" />
                  <span className="text-slate-500">{Intl.DateTimeFormat().resolvedOptions().timeZone}</span>
                </label>
              </>
            )}
          </fieldset>
          <p className="text-slate-500">At most 200 dead letters, oldest first; each is sent as a copy (the dead letter stays) and written to the audit log, and one an earlier redrive already sent back is left out. The preview lists every message first; the progress is shown message by message.</p>
          <PlanFormFooter error={formError ?? preview.error} pending={preview.isPending} onCancel={onClose} errorTitle="Cannot plan the redrive" />
        </form>
      )}
    </ChangeModal>
  );
}
