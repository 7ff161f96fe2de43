import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ConfigView } from '@/components/config/ConfigView';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Configuration' };

export default async function ConfigPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Configuration' }]}
        title="Configuration"
        subtitle={`Every key of every broker and name server of ${page.ctx.name}, side by side: where one cluster's brokers differ, what takes effect at once, and edits with a preview and undo.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <ConfigView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
