'use client';

import type { DeadLetters } from '@/lib/console/dlq/overview';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientView } from '@/lib/console/groups/clients';
import type { ClientStacks } from '@/lib/console/groups/stacks';
import type { GroupConnections } from '@/lib/console/groups/connections';
import type { GroupDiagnosis } from '@/lib/console/groups/diagnosis';
import type { GroupListAnswer } from '@/lib/console/groups/list';
import type { GroupOverview } from '@/lib/console/groups/overview';
import type { GroupProgress } from '@/lib/console/groups/progress';
import type { RebalanceHistory } from '@/lib/console/groups/rebalances';
import type { LagRange, LagSeries } from '@/lib/console/lag/history';
import type { BrokerFailure } from '@/lib/console/core/fanout';
import type { ResetPreview, ResetResult } from '@/lib/console/reset/types';
import { api } from '../paths';
import { invalidateAfterChange } from './audit';
import { fetchJson, postJson } from './client';
import { clusterKeys, type Polling } from './clusters';

export const groupKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'groups'] as const,
  list: (c: string, qs: string) => [...groupKeys.all(c), 'list', qs] as const,
  detail: (c: string, group: string) => [...groupKeys.all(c), 'detail', group] as const,
  overview: (c: string, group: string) => [...groupKeys.detail(c, group), 'overview'] as const,
  progress: (c: string, group: string) => [...groupKeys.detail(c, group), 'progress'] as const,
  connections: (c: string, group: string) => [...groupKeys.detail(c, group), 'connections'] as const,
  clients: (c: string, group: string) => [...groupKeys.detail(c, group), 'clients'] as const,
  stacks: (c: string, group: string, clientId: string) => [...groupKeys.detail(c, group), 'stacks', clientId] as const,
  diagnosis: (c: string, group: string) => [...groupKeys.detail(c, group), 'diagnosis'] as const,
  deadLetters: (c: string, group: string) => [...groupKeys.detail(c, group), 'dead-letters'] as const,
  lagHistory: (c: string, group: string, range: LagRange) => [...groupKeys.detail(c, group), 'lag-history', range] as const,
  rebalances: (c: string, group: string, range: LagRange) => [...groupKeys.detail(c, group), 'rebalances', range] as const,
};

const groupUrl = (c: string, group: string) => `${api(c)}/groups/${encodeURIComponent(group)}`;

export function useGroupList(c: string, qs: string, initial: { qs: string; page?: GroupListAnswer }, polling: Polling = {}) {
  return useQuery({
    queryKey: groupKeys.list(c, qs),
    queryFn: () => fetchJson<GroupListAnswer>(`${api(c)}/groups?${qs}`),
    initialData: initial.qs === qs ? initial.page : undefined,
    placeholderData: keepPreviousData,
    ...polling,
  });
}

/** The refresh button: asks for a new snapshot (up to 30 s), then every group list of the cluster reads it. */
export function useGroupSnapshotRefresh(c: string, qs: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<GroupListAnswer>(`${api(c)}/groups?${qs}&refresh=1`),
    onSuccess: (page) => client.setQueryData(groupKeys.list(c, qs), page),
    onSettled: () => client.invalidateQueries({ queryKey: [...groupKeys.all(c), 'list'] }),
  });
}

export function useGroupOverview(c: string, group: string) {
  return useQuery({ queryKey: groupKeys.overview(c, group), queryFn: () => fetchJson<GroupOverview>(groupUrl(c, group)) });
}

export function useGroupConnections(c: string, group: string) {
  return useQuery({ queryKey: groupKeys.connections(c, group), queryFn: () => fetchJson<GroupConnections>(`${groupUrl(c, group)}/connections`), refetchInterval: 30_000 });
}

export function useGroupProgress(c: string, group: string, enabled: boolean) {
  return useQuery({ queryKey: groupKeys.progress(c, group), queryFn: () => fetchJson<GroupProgress>(`${groupUrl(c, group)}/progress`), refetchInterval: 15_000, enabled });
}

export function useGroupClients(c: string, group: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.clients(c, group),
    queryFn: () => fetchJson<{ clients: ClientView[]; failures: BrokerFailure[] }>(`${groupUrl(c, group)}/clients`),
    enabled,
    refetchInterval: 30_000,
  });
}

/** A thread dump is taken when asked (the button), not polled: each one makes the client walk every thread. */
export function useClientStacks(c: string, group: string, clientId: string, enabled: boolean) {
  return useQuery({
    queryKey: groupKeys.stacks(c, group, clientId),
    queryFn: () => fetchJson<ClientStacks>(`${groupUrl(c, group)}/clients/${encodeURIComponent(clientId)}/stacks`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** Each diagnosis asks every client for its running info and a thread dump: once a minute at most. */
export function useGroupDiagnosis(c: string, group: string) {
  return useQuery({ queryKey: groupKeys.diagnosis(c, group), queryFn: () => fetchJson<GroupDiagnosis>(`${groupUrl(c, group)}/diagnosis`), refetchInterval: 60_000 });
}

export function useLagHistory(c: string, group: string, range: LagRange) {
  return useQuery({
    queryKey: groupKeys.lagHistory(c, group, range),
    queryFn: () => fetchJson<LagSeries>(`${groupUrl(c, group)}/lag-history?range=${range}`),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** Clients joining and leaving and queues moving, drawn on the lag chart: refreshed with it. */
export function useRebalances(c: string, group: string, range: LagRange) {
  return useQuery({
    queryKey: groupKeys.rebalances(c, group, range),
    queryFn: () => fetchJson<RebalanceHistory>(`${groupUrl(c, group)}/rebalances?range=${range}`),
    refetchInterval: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** The body of a reset preview, as the API takes it. */
export interface ResetPreviewBody {
  topic?: string;
  allTopics?: boolean;
  mode: ResetPreview['mode'];
  timestamp?: number;
  offsets?: Array<{ brokerName: string; queueId: number; offset: number }>;
}

export function useResetPreview(c: string, group: string) {
  return useMutation({ mutationFn: (body: ResetPreviewBody) => postJson<ResetPreview>(`${groupUrl(c, group)}/reset/preview`, body) });
}

/** Applies a reset; everything of the cluster refreshes (offsets, lag, history, audit log). */
export function useResetApply(c: string, group: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { previewId: string; confirm: string | boolean }) => postJson<ResetResult>(`${groupUrl(c, group)}/reset`, body),
    onSettled: () => invalidateAfterChange(client, c),
  });
}

/** The group's retry and dead-letter topics with their counts. */
export function useDeadLetters(c: string, group: string) {
  return useQuery({ queryKey: groupKeys.deadLetters(c, group), queryFn: () => fetchJson<DeadLetters>(`${groupUrl(c, group)}/dead-letters`) });
}
