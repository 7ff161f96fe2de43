'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePlan, ChangeResult } from '@/lib/console/changes/types';
import { api } from '../paths';
import { postJson } from './client';
import { invalidateAfterChange } from './audit';

/** Plans a change (topic.upsert, topic.delete, …): changes nothing. */
export function useChangePreview(c: string) {
  return useMutation({ mutationFn: (body: { action: string; request: unknown }) => postJson<ChangePlan>(`${api(c)}/changes/preview`, body) });
}

/** Plans taking back an audited change. */
export function useChangeUndoPreview(c: string) {
  return useMutation({ mutationFn: (auditId: number) => postJson<ChangePlan>(`${api(c)}/changes/undo/preview`, { auditId }) });
}

/** Applies a plan; everything of the cluster (lists, pages, the audit log) refreshes. */
export function useChangeApply(c: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { previewId: string; confirm: string | boolean }) => postJson<ChangeResult>(`${api(c)}/changes`, body),
    onSettled: () => invalidateAfterChange(client, c),
  });
}
