'use client';

import { useQuery } from '@tanstack/react-query';
import type { getTracesByKey, MessageTrace } from '@/lib/console/traces/trace';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export type KeyTraces = Awaited<ReturnType<typeof getTracesByKey>>;

export const traceKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'traces'] as const,
  byKey: (c: string, key: string, topic: string) => [...traceKeys.all(c), 'by-key', key, topic] as const,
  detail: (c: string, msgId: string, topic?: string) => [...traceKeys.all(c), 'detail', msgId, topic ?? ''] as const,
};

export function useTracesByKey(c: string, key: string, topic: string) {
  return useQuery({
    queryKey: traceKeys.byKey(c, key, topic),
    enabled: key !== '',
    queryFn: () => fetchJson<KeyTraces>(`${api(c)}/traces?${new URLSearchParams({ key, ...(topic ? { topic } : {}) })}`),
    retry: false,
  });
}

export function useMessageTrace(c: string, msgId: string, topic: string | undefined, initial: MessageTrace | undefined, enabled: boolean) {
  return useQuery({
    queryKey: traceKeys.detail(c, msgId, topic),
    queryFn: () => fetchJson<MessageTrace>(`${api(c)}/traces/${encodeURIComponent(msgId)}${topic ? `?topic=${encodeURIComponent(topic)}` : ''}`),
    initialData: initial,
    enabled,
    refetchInterval: 10_000,
    retry: false,
  });
}
