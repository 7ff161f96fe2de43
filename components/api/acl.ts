'use client';

import { useQuery } from '@tanstack/react-query';
import type { AccessControlOverview } from '@/lib/console/acl/overview';
import type { SimulateView } from '@/lib/console/acl/simulate';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const aclKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'acl'] as const,
  simulate: (c: string, q: Record<string, string>) => [...clusterKeys.all(c), 'acl', 'simulate', q] as const,
};

/** ACL 2.0 users and policies of every broker (ACL 1.0: versions, and `account`'s presence); refreshed every 30 s. */
export function useAccessControl(c: string, account?: string) {
  return useQuery({
    queryKey: [...aclKeys.all(c), account ?? ''],
    queryFn: () => fetchJson<AccessControlOverview>(`${api(c)}/acl${account ? `?${new URLSearchParams({ account })}` : ''}`),
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}

/** The simulator's answer for one question (asked when `q` is set). */
export function useAccessSimulation(c: string, q: { user: string; action: string; resource: string; sourceIp: string } | undefined) {
  return useQuery({
    queryKey: aclKeys.simulate(c, q ?? {}),
    queryFn: () => fetchJson<SimulateView>(`${api(c)}/acl/simulate?${new URLSearchParams(q)}`),
    enabled: q !== undefined,
  });
}
