import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { StorageView } from '@/components/storage/StorageView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Storage' };

export default async function StoragePage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Storage' }]}
        title="Storage"
        subtitle={`Disk use, retention and how far back messages can be read or re-consumed on each broker of ${page.ctx.name}.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <StorageView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
