'use client';

import { useQuery } from '@tanstack/react-query';
import type { KeptPreview } from '@/lib/console/previews/kept';
import { api } from '../paths';
import { fetchJson } from './client';
import { clusterKeys } from './clusters';

/** A plan kept by the console (a reset or a change), as a confirm link opens it. Read once: a plan does not change. */
export function useKeptPreview(c: string, previewId: string) {
  return useQuery({
    queryKey: [...clusterKeys.all(c), 'preview', previewId] as const,
    queryFn: () => fetchJson<KeptPreview>(`${api(c)}/previews/${encodeURIComponent(previewId)}`),
    staleTime: Infinity,
    retry: false,
  });
}
