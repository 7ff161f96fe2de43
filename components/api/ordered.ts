'use client';

import { useQuery } from '@tanstack/react-query';
import type { OrderedOverview } from '@/lib/console/ordered/overview';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const orderedKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'ordered'] as const,
};

/** Ordered topics with their consumers' locks and stuck queues; refreshed every 15 s (the lag snapshot's pace). */
export function useOrderedOverview(c: string) {
  return useQuery({ queryKey: orderedKeys.all(c), queryFn: () => fetchJson<OrderedOverview>(`${api(c)}/ordered`), refetchInterval: 15_000 });
}
