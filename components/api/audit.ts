'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AuditView } from '@/lib/console/audit/view';
import type { ResetPreview, ResetResult } from '@/lib/console/reset/types';
import { api } from '../paths';
import { fetchJson, postJson } from './client';
import { clusterKeys } from './clusters';

export const auditKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'audit'] as const,
  list: (c: string, qs: string) => [...auditKeys.all(c), 'list', qs] as const,
  entry: (c: string, id: number) => [...auditKeys.all(c), 'entry', id] as const,
};

export interface AuditPage {
  items: AuditView[];
  total: number;
  page: number;
  pageSize: number;
}

export function useAuditList(c: string, qs: string) {
  return useQuery({ queryKey: auditKeys.list(c, qs), queryFn: () => fetchJson<AuditPage>(`${api(c)}/audit?${qs}`) });
}

export function useAuditEntry(c: string, id: number) {
  return useQuery({ queryKey: auditKeys.entry(c, id), queryFn: () => fetchJson<AuditView>(`${api(c)}/audit/${id}`) });
}

export function useUndoPreview(c: string, id: number) {
  return useMutation({ mutationFn: () => postJson<ResetPreview>(`${api(c)}/audit/${id}/undo/preview`) });
}

/** Applies an undo; the audit log and every view of the cluster's groups refresh. */
export function useUndoApply(c: string, id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { previewId: string; confirm: string | boolean }) => postJson<ResetResult>(`${api(c)}/audit/${id}/undo`, body),
    onSettled: () => invalidateAfterChange(client, c),
  });
}

/** After a change to a cluster: its audit log, groups (offsets, lag history) and topics refresh. */
export function invalidateAfterChange(client: ReturnType<typeof useQueryClient>, c: string): Promise<void> {
  return client.invalidateQueries({ queryKey: clusterKeys.all(c) });
}
