'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KeySearchResult } from '@/lib/console/messages/by-key';
import type { MessageDetail } from '@/lib/console/messages/detail';
import type { ResendPreview, ResendResult } from '@/lib/console/messages/resend';
import { api } from '../paths';
import { invalidateAfterChange } from './audit';
import { fetchJson, postJson } from './client';
import { clusterKeys } from './clusters';

export const messageKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'messages'] as const,
  byKey: (c: string, qs: string) => [...messageKeys.all(c), 'by-key', qs] as const,
  detail: (c: string, msgId: string, topic?: string) => [...messageKeys.all(c), 'detail', msgId, topic ?? ''] as const,
};

const messageUrl = (c: string, msgId: string) => `${api(c)}/messages/${encodeURIComponent(msgId)}`;
const topicQs = (topic?: string) => (topic ? `?topic=${encodeURIComponent(topic)}` : '');

/** What the key search asks: the store-time window is relative ("last hour") and resolved when the query runs. */
export interface KeySearchInput {
  topic: string;
  key: string;
  limit: string;
  window: { id: string; resolve: () => { begin?: number; end: number } };
}

/** Messages by key (disabled until both topic and key are given). */
export function useMessagesByKey(c: string, search: KeySearchInput) {
  const { topic, key, limit, window } = search;
  return useQuery({
    queryKey: messageKeys.byKey(c, new URLSearchParams({ topic, key, limit, window: window.id }).toString()),
    queryFn: () => {
      const { begin, end } = window.resolve();
      const qs = new URLSearchParams({ topic, key, limit, ...(begin !== undefined ? { begin: String(begin) } : {}), end: String(end) });
      return fetchJson<KeySearchResult>(`${api(c)}/messages?${qs}`);
    },
    enabled: topic !== '' && key !== '',
    retry: false,
  });
}

export function useMessageDetail(c: string, msgId: string, topic: string | undefined, initial?: MessageDetail) {
  return useQuery({ queryKey: messageKeys.detail(c, msgId, topic), queryFn: () => fetchJson<MessageDetail>(`${messageUrl(c, msgId)}${topicQs(topic)}`), initialData: initial, retry: false });
}

/** Where the whole body downloads from. */
export const messageBodyUrl = (c: string, msgId: string, topic?: string) => `${messageUrl(c, msgId)}/body${topicQs(topic)}`;

export function useResendPreview(c: string, msgId: string) {
  return useMutation({ mutationFn: (body: { group: string; topic?: string; clientId?: string }) => postJson<ResendPreview>(`${messageUrl(c, msgId)}/resend/preview`, body) });
}

/** Resends; the cluster's views (audit log, the message's group tracks) refresh. */
export function useResendApply(c: string, msgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { previewId: string; confirm: string }) => postJson<ResendResult>(`${messageUrl(c, msgId)}/resend`, body),
    onSettled: () => invalidateAfterChange(client, c),
  });
}
