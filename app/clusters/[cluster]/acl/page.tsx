import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccessControlView } from '@/components/acl/AccessControlView';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Access control' };

export default async function AccessControlPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Access control' }]}
        title="Access control"
        subtitle={`Who may do what on ${page.ctx.name}: ACL 2.0 users and policies as every broker keeps them and what the brokers would decide, or ACL 1.0 accounts and the global white list.`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <AccessControlView />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
