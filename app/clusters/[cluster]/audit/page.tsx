import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditListView } from '@/components/audit/AuditListView';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Audit log' }]}
        title="Audit log"
        subtitle={`Every change made to ${page.ctx.name} through the console: who, through what, when, what it was about to do, and what it did.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <AuditListView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
