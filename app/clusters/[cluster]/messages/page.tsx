import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RecentSearches } from '@/components/favourites/RecentSearches';
import { MessageSearch } from '@/components/messages/MessageSearch';
import { RangeScan } from '@/components/messages/RangeScan';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused, Spinner } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Messages' };

export default async function MessagesPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  return (
    <>
      <PageHeader crumbs={[{ label: 'Messages' }]} title="Messages" subtitle="Find a message by ID, by key, or by topic and time; open it, trace it, resend it" />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <div className="space-y-5">
          <Suspense fallback={<Spinner />}>
            <MessageSearch range={<RangeScan />} />
          </Suspense>
          <RecentSearches clusters={[page.ctx.name]} showCluster={false} />
        </div>
      )}
    </>
  );
}
