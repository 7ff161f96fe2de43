import Link from 'next/link';
import { EmptyState } from '@/components/ui/states';

export default function NotFound() {
  return (
    <EmptyState title="Nothing here">
      This page does not exist. <Link className="text-blue-700 underline" href="/">Back to the clusters</Link>
    </EmptyState>
  );
}
