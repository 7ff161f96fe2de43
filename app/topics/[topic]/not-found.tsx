import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function TopicNotFound() {
  return (
    <EmptyState title="Topic not found">
      The namesrv has no route for this topic. <Link className="text-blue-700 underline" href="/topics">All topics</Link>
    </EmptyState>
  );
}
