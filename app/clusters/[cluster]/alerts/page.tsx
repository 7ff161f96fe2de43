import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AlertsView } from '@/components/alerts/AlertsView';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Alerts' };

export default async function AlertsPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Alerts' }]}
        title="Alerts"
        subtitle={`Rules over the lag snapshot of ${page.ctx.name} (lag, lag age, time to drain, messages waiting with no client), evaluated after each snapshot: what is pending and firing now, where alerts are sent (webhook, Slack, DingTalk, Feishu, WeCom, email) and what was sent, silences, acknowledgements and history.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <AlertsView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
