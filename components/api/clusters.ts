'use client';

import { useQuery } from '@tanstack/react-query';
import type { BrokerRuntime } from '@/lib/console/brokers/runtime';
import type { ClusterOverview } from '@/lib/console/cluster/overview';
import { api } from '../paths';
import { fetchJson } from './client';

/** Every query key of the app starts with ['clusters', cluster]: invalidating a prefix refreshes one cluster's views. */
export const clusterKeys = {
  all: (c: string) => ['clusters', c] as const,
  brokers: (c: string) => [...clusterKeys.all(c), 'brokers'] as const,
  broker: (c: string, addr: string) => [...clusterKeys.brokers(c), addr] as const,
};

/** How often a view polls; false while the operator paused it. */
export interface Polling {
  refetchInterval?: number | false;
}

export function useClusterOverview(c: string, initial?: ClusterOverview, polling: Polling = {}) {
  return useQuery({ queryKey: clusterKeys.brokers(c), queryFn: () => fetchJson<ClusterOverview>(`${api(c)}/brokers`), initialData: initial, ...polling });
}

export function useBrokerRuntime(c: string, addr: string, initial?: BrokerRuntime) {
  return useQuery({ queryKey: clusterKeys.broker(c, addr), queryFn: () => fetchJson<BrokerRuntime>(`${api(c)}/brokers/${encodeURIComponent(addr)}/runtime`), initialData: initial });
}
