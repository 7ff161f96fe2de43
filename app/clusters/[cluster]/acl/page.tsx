import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { AccessControlView } from '@/components/acl/AccessControlView';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('acl');
  return { title: t('page.title') };
}

export default async function AccessControlPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  const t = await getTranslations('acl');
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('page.title') }]}
        title={t('page.title')}
        subtitle={t('page.subtitle', { cluster: page.ctx.name })}
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
