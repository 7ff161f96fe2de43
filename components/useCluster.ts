'use client';

import { useParams } from 'next/navigation';

/** The cluster of the page being shown (the [cluster] segment of its URL), or undefined outside a cluster. */
export function useOptionalCluster(): string | undefined {
  const params = useParams<{ cluster?: string }>();
  return params?.cluster === undefined ? undefined : decodeURIComponent(params.cluster);
}

/** The cluster of the page being shown; views under /clusters/[cluster] only. */
export function useCluster(): string {
  const cluster = useOptionalCluster();
  if (cluster === undefined) throw new Error('useCluster() outside a /clusters/[cluster] page');
  return cluster;
}
