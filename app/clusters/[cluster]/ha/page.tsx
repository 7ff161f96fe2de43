import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { HaView } from '@/components/ha/HaView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'High availability' };

export default async function HaPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'High availability' }]}
        title="High availability"
        subtitle={`Masters and slaves of each broker group of ${page.ctx.name}: how far behind each slave is, and what is served while a master is down.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <HaView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
