'use client';

import { useQuery } from '@tanstack/react-query';
import type { StorageOverview } from '@/lib/console/storage/overview';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const storageKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'storage'] as const,
};

/** Disk use and retention of every broker; refreshed every 15 s. */
export function useStorageOverview(c: string) {
  return useQuery({ queryKey: storageKeys.all(c), queryFn: () => fetchJson<StorageOverview>(`${api(c)}/storage`), refetchInterval: 15_000 });
}
