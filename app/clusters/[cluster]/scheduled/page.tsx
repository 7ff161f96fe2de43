import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { ScheduleView } from '@/components/scheduled/ScheduleView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Scheduled messages' };

export default async function ScheduledPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Scheduled' }]}
        title="Scheduled messages"
        subtitle={`Delayed messages waiting on each master of ${page.ctx.name}: per delay level how many and when the next is due; on 5.x the timer wheel and its pending topics.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <ScheduleView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
