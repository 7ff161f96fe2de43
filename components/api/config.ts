'use client';

import { useQuery } from '@tanstack/react-query';
import type { ConfigTable } from '@/lib/console/brokers/config-view';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const configKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'config'] as const,
  table: (c: string, of: 'brokers' | 'namesrv', qs: string) => [...configKeys.all(c), of, qs] as const,
};

/** Every key of every broker (or namesrv) side by side. */
export function useConfigTable(c: string, of: 'brokers' | 'namesrv', qs: string) {
  return useQuery({ queryKey: configKeys.table(c, of, qs), queryFn: () => fetchJson<ConfigTable>(`${api(c)}/config/${of}?${qs}`) });
}
