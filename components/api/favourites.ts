'use client';

import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Favourites } from '@/lib/console/favourites/favourites';
import type { RecentSearch, RecentSearchInput } from '@/lib/console/favourites/schema';
import type { FavouriteKind } from '@/lib/console/store';
import { api } from '../paths';
import { fetchJson, postJson } from './client';
import { clusterKeys } from './clusters';

export const favouriteKeys = {
  all: (c: string) => [...clusterKeys.all(c), 'favourites'] as const,
  searches: (c: string) => [...clusterKeys.all(c), 'recent-searches'] as const,
};

const favouritesUrl = (c: string) => `${api(c)}/favourites`;
const searchesUrl = (c: string) => `${api(c)}/recent-searches`;
const starUrl = (c: string, kind: FavouriteKind, name: string) => `${favouritesUrl(c)}/${kind === 'topic' ? 'topics' : 'groups'}/${encodeURIComponent(name)}`;

const favouritesQuery = (c: string) => ({ queryKey: favouriteKeys.all(c), queryFn: () => fetchJson<Favourites>(favouritesUrl(c)), refetchInterval: 15_000 });

export function useFavourites(c: string) {
  return useQuery(favouritesQuery(c));
}

/** The favourites of several clusters at once (the home page), each query on its own. */
export function useFavouritesOf(clusters: string[]) {
  return useQueries({ queries: clusters.map(favouritesQuery) });
}

/** Stars or unstars; the favourites read again, so every star button and the home page follow. */
export function useToggleStar(c: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, name, starred }: { kind: FavouriteKind; name: string; starred: boolean }) => fetchJson<unknown>(starUrl(c, kind, name), { method: starred ? 'PUT' : 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: favouriteKeys.all(c) }),
  });
}

const searchesQuery = (c: string) => ({ queryKey: favouriteKeys.searches(c), queryFn: () => fetchJson<{ searches: RecentSearch[] }>(searchesUrl(c)) });

export function useRecentSearches(c: string) {
  return useQuery(searchesQuery(c));
}

export function useRecentSearchesOf(clusters: string[]) {
  return useQueries({ queries: clusters.map(searchesQuery) });
}

/**
 * Keeps a search the user just ran. Fire and forget: a search must run whether or not the history could be
 * written, so a failure here is not shown over the results.
 */
export function useRecordSearch(c: string) {
  const client = useQueryClient();
  return (search: RecentSearchInput) => {
    postJson<RecentSearch>(searchesUrl(c), search).then(
      () => client.invalidateQueries({ queryKey: favouriteKeys.searches(c) }),
      () => undefined,
    );
  };
}

export function useClearSearches(c: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<{ cleared: number }>(searchesUrl(c), { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: favouriteKeys.searches(c) }),
  });
}
