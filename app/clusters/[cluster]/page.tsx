import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ClusterOverviewView } from '@/components/cluster/ClusterOverviewView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { getClusterOverview } from '@/lib/console/cluster/overview';
import { clusterPage, load } from '../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('cluster');
  return { title: t('page.metaTitle') };
}

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  const t = await getTranslations('cluster');
  const initial = page.refused ? undefined : await load(getClusterOverview(page.ctx));
  return (
    <>
      <PageHeader
        crumbs={[{ label: page.ctx.name }]}
        title={t('page.title', { cluster: page.ctx.name })}
        subtitle={t('page.subtitle', { namesrvAddrs: page.ctx.config.namesrvAddrs.join(';') })}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <ClusterOverviewView initial={initial && 'value' in initial ? initial.value : undefined} initialError={initial && 'error' in initial ? initial.error : undefined} />
      )}
    </>
  );
}
