'use client';

import Link from 'next/link';
import { paths } from '@/components/paths';
import { EmptyState } from '@/components/ui/states';
import { useCluster } from '@/components/useCluster';

export default function TopicNotFound() {
  return (
    <EmptyState title="Topic not found">
      The namesrv has no route for this topic. <Link className="text-blue-700 underline" href={paths.topics(useCluster())}>All topics</Link>
    </EmptyState>
  );
}
