'use client';

import { useQuery } from '@tanstack/react-query';
import type { ScheduleOverview } from '@/lib/console/scheduled/overview';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const scheduledKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'scheduled'] as const,
};

/** Delay levels and the timer wheel of every master; refreshed every 10 s while the page is open. */
export function useScheduleOverview(c: string) {
  return useQuery({ queryKey: scheduledKeys.all(c), queryFn: () => fetchJson<ScheduleOverview>(`${api(c)}/scheduled`), refetchInterval: 10_000 });
}
