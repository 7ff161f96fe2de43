'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ChangePlan, ChangeResult, StepOutcome } from '@/lib/console/changes/types';
import type { ApplyEvent } from '@/lib/console/changes/stream';
import { api } from '../paths';
import { ApiError, postJson } from './client';
import { invalidateAfterChange } from './audit';
import { errorOf, ndjsonLines } from './ndjson';

/** Plans a change (topic.upsert, topic.delete, …): changes nothing. */
export function useChangePreview(c: string) {
  return useMutation({ mutationFn: (body: { action: string; request: unknown }) => postJson<ChangePlan>(`${api(c)}/changes/preview`, body) });
}

/** Plans taking back an audited change. */
export function useChangeUndoPreview(c: string) {
  return useMutation({ mutationFn: (auditId: number) => postJson<ChangePlan>(`${api(c)}/changes/undo/preview`, { auditId }) });
}

/** Where a running apply is: its audit entry, the steps ended so far and how many are expected. */
export interface ApplyProgress {
  auditId: number;
  expectedSteps?: number;
  steps: StepOutcome[];
}

/**
 * Applies a plan with its progress streamed: `progress` fills in step by step while the change runs, the promise
 * ends with the whole result; everything of the cluster (lists, pages, the audit log) refreshes after.
 */
export function useChangeApply(c: string) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<ApplyProgress | undefined>();
  const [isPending, setPending] = useState(false);
  const mutateAsync = useCallback(
    async (body: { previewId: string; confirm: string | boolean }): Promise<ChangeResult> => {
      setPending(true);
      setProgress(undefined);
      try {
        return await applyStreamed(c, body, (event) => {
          if (event.type === 'started') setProgress({ auditId: event.auditId, ...(event.expectedSteps !== undefined ? { expectedSteps: event.expectedSteps } : {}), steps: [] });
          if (event.type === 'step') setProgress((p) => p && { ...p, steps: [...p.steps, event.step] });
        });
      } finally {
        setPending(false);
        void invalidateAfterChange(client, c);
      }
    },
    [c, client],
  );
  return { mutateAsync, isPending, progress };
}

async function applyStreamed(c: string, body: { previewId: string; confirm: string | boolean }, onEvent: (event: ApplyEvent) => void): Promise<ChangeResult> {
  let response: Response;
  try {
    response = await fetch(`${api(c)}/changes`, { method: 'POST', body: JSON.stringify(body), headers: { accept: 'application/x-ndjson', 'content-type': 'application/json' } });
  } catch {
    throw new ApiError(0, 'network', 'the console server did not answer (is it running?)');
  }
  if (!response.ok || !response.body) throw await errorOf(response);
  let auditId: number | undefined;
  for await (const line of ndjsonLines(response.body)) {
    const event = JSON.parse(line) as ApplyEvent;
    onEvent(event);
    if (event.type === 'started') auditId = event.auditId;
    if (event.type === 'done') return event.result;
    if (event.type === 'failed') throw new ApiError(500, 'apply_failed', `${event.error} (audit #${event.auditId} says how far it got)`);
  }
  // the change goes on at the server: the audit entry will have its outcome
  throw new ApiError(0, 'stream_cut', `the connection to the console dropped while the change ran${auditId !== undefined ? `: audit #${auditId} will have its outcome` : ''}`);
}
