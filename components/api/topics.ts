'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FilterTestQuery } from '@/lib/console/filters/schema';
import type { FilterTestResult } from '@/lib/console/filters/test';
import type { TopicRoute, TopicStatus } from '@/lib/console/topics/detail';
import type { TopicGroup } from '@/lib/console/topics/groups';
import type { TopicPage } from '@/lib/console/topics/list';
import type { BrokerFailure } from '@/lib/console/core/fanout';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

export const topicKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'topics'] as const,
  list: (c: string, qs: string) => [...topicKeys.all(c), 'list', qs] as const,
  detail: (c: string, topic: string) => [...topicKeys.all(c), 'detail', topic] as const,
  route: (c: string, topic: string) => [...topicKeys.detail(c, topic), 'route'] as const,
  status: (c: string, topic: string) => [...topicKeys.detail(c, topic), 'status'] as const,
  groups: (c: string, topic: string) => [...topicKeys.detail(c, topic), 'groups'] as const,
};

/** A page of topics; `qs` is the API query string the URL state makes (the server page renders the same one first). */
export function useTopicList(c: string, qs: string, initial?: { qs: string; page?: TopicPage }) {
  return useQuery({
    queryKey: topicKeys.list(c, qs),
    queryFn: () => fetchJson<TopicPage>(`${api(c)}/topics?${qs}`),
    initialData: initial?.qs === qs ? initial.page : undefined,
    placeholderData: keepPreviousData,
    // while the first background stats build runs, the page asks again until its numbers are in
    refetchInterval: (q) => (q.state.data?.stats?.pending ? 2000 : false),
  });
}

/** Every topic name (up to 500), for pickers. */
export function useTopicNames(c: string) {
  return useQuery({ queryKey: topicKeys.list(c, 'pageSize=500'), queryFn: () => fetchJson<TopicPage>(`${api(c)}/topics?pageSize=500`), staleTime: 60_000, retry: false });
}

export function useTopicRoute(c: string, topic: string, initial?: TopicRoute) {
  return useQuery({ queryKey: topicKeys.route(c, topic), queryFn: () => fetchJson<TopicRoute>(`${api(c)}/topics/${encodeURIComponent(topic)}/route`), initialData: initial });
}

export function useTopicStatus(c: string, topic: string, initial?: TopicStatus) {
  return useQuery({ queryKey: topicKeys.status(c, topic), queryFn: () => fetchJson<TopicStatus>(`${api(c)}/topics/${encodeURIComponent(topic)}/status`), initialData: initial });
}

export function useTopicGroups(c: string, topic: string) {
  return useQuery({
    queryKey: topicKeys.groups(c, topic),
    queryFn: () => fetchJson<{ groups: TopicGroup[]; failures: BrokerFailure[] }>(`${api(c)}/topics/${encodeURIComponent(topic)}/groups`),
  });
}

/** A filter test (tag or SQL92 expression, or a group's subscription) evaluated by the brokers. */
type FilterTestInput = z.input<typeof FilterTestQuery>;

export function useFilterTest(c: string, topic: string) {
  return useMutation({
    mutationFn: (input: FilterTestInput) => {
      const qs = new URLSearchParams(Object.entries(input).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
      return fetchJson<FilterTestResult>(`${api(c)}/topics/${encodeURIComponent(topic)}/filter-test?${qs}`);
    },
  });
}
