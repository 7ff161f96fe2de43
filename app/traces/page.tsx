import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { TraceSearch } from '@/components/messages/TraceSearch';
import { PageHeader } from '@/components/shell/PageHeader';
import { Spinner } from '@/components/ui/states';

export const metadata: Metadata = { title: 'Message traces' };

export default function TracesPage() {
  return (
    <>
      <PageHeader crumbs={[{ label: 'Traces' }]} title="Message traces" subtitle="Who sent a message, where it was stored, and every delivery to each consumer group" />
      <Suspense fallback={<Spinner />}>
        <TraceSearch />
      </Suspense>
    </>
  );
}
