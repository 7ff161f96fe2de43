'use client';

import { useQuery } from '@tanstack/react-query';
import type { ProducerList } from '@/lib/console/producers/list';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const producerKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'producers'] as const,
};

/** Producer groups and their clients; refreshed every 15 s (producers heartbeat every 30 s). */
export function useProducers(c: string) {
  return useQuery({ queryKey: producerKeys.all(c), queryFn: () => fetchJson<ProducerList>(`${api(c)}/producers`), refetchInterval: 15_000 });
}
