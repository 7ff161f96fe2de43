import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { RecentSearches } from '@/components/favourites/RecentSearches';
import { MessageSearch } from '@/components/messages/MessageSearch';
import { RangeScan } from '@/components/messages/RangeScan';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused, Spinner } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('messages.messagesPage');
  return { title: t('title') };
}

export default async function MessagesPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  const t = await getTranslations('messages.messagesPage');
  return (
    <>
      <PageHeader crumbs={[{ label: t('title') }]} title={t('title')} subtitle={t('subtitle')} />
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
