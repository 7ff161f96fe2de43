import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { TraceSearch } from '@/components/messages/TraceSearch';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused, Spinner } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('messages.tracesPage');
  return { title: t('title') };
}

export default async function TracesPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  const t = await getTranslations('messages.tracesPage');
  return (
    <>
      <PageHeader crumbs={[{ label: t('crumb') }]} title={t('title')} subtitle={t('subtitle')} />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense fallback={<Spinner />}>
          <TraceSearch />
        </Suspense>
      )}
    </>
  );
}
