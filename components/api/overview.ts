'use client';

import { useQuery } from '@tanstack/react-query';
import type { HomeCluster } from '@/lib/console/cluster/home';
import { fetchJson } from './client';

export const overviewKeys = { all: ['overview'] as const };

/** Every cluster at a glance, polled: a cluster that comes up or goes down shows within one interval. */
export function useOverview(initial?: { clusters: HomeCluster[]; asOf: number }) {
  return useQuery({ queryKey: overviewKeys.all, queryFn: () => fetchJson<{ clusters: HomeCluster[]; asOf: number }>('/api/overview'), initialData: initial, refetchInterval: 15_000 });
}
