'use client';

import { useQuery } from '@tanstack/react-query';
import type { HaOverview } from '@/lib/console/ha/overview';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const haKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'ha'] as const,
};

/** Masters and slaves of every broker group; refreshed every 10 s. */
export function useHaOverview(c: string) {
  return useQuery({ queryKey: haKeys.all(c), queryFn: () => fetchJson<HaOverview>(`${api(c)}/ha`), refetchInterval: 10_000 });
}
