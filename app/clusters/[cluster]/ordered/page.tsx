import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { OrderedView } from '@/components/ordered/OrderedView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Ordered messages' };

export default async function OrderedPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Ordered' }]}
        title="Ordered messages"
        subtitle={`Ordered topics of ${page.ctx.name} and the groups consuming them: which client holds each queue's lock, and which queues are stuck.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <OrderedView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
