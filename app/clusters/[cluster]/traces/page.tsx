import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TraceSearch } from '@/components/messages/TraceSearch';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused, Spinner } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Message traces' };

export default async function TracesPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader crumbs={[{ label: 'Traces' }]} title="Message traces" subtitle="Who sent a message, where it was stored, and every delivery to each consumer group" />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense fallback={<Spinner />}>
          <TraceSearch />
        </Suspense>
      )}
    </>
  );
}
