import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { ProducersView } from '@/components/producers/ProducersView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Producers' };

export default async function ProducersPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Producers' }]}
        title="Producers"
        subtitle={`Producer groups connected to the masters of ${page.ctx.name}, with each client's address, SDK language and version.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <ProducersView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
