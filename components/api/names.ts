'use client';

import { useQuery } from '@tanstack/react-query';
import type { ClusterNames } from '@/lib/console/cluster/names';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const nameKeys = { all: (c: string) => [...clusterKeys.all(c), 'names'] as const };

/**
 * Every topic, group and broker name of a cluster, for the command palette: asked for when the palette opens (not
 * with every page), kept a minute, asked again while the first lag snapshot is still building.
 */
export function useClusterNames(c: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: nameKeys.all(c ?? ''),
    queryFn: () => fetchJson<ClusterNames>(`${api(c!)}/names`),
    enabled: enabled && c !== undefined,
    staleTime: 60_000,
    retry: false,
    refetchInterval: (q) => (q.state.data?.groupsPending ? 3_000 : false),
  });
}
