'use client';

import { useQuery } from '@tanstack/react-query';
import type { ProxyList } from '@/lib/console/proxies/list';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

/** The cluster's 5.x proxies; refreshed every 30 s. */
export function useProxies(c: string) {
  return useQuery({ queryKey: [...clusterKeys.all(c), 'proxies'], queryFn: () => fetchJson<ProxyList>(`${api(c)}/proxies`), refetchInterval: 30_000 });
}
