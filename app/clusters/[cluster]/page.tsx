import type { Metadata } from 'next';
import { ClusterOverviewView } from '@/components/cluster/ClusterOverviewView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { getClusterOverview } from '@/lib/console/cluster/overview';
import { clusterPage, load } from '../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Brokers' };

export default async function ClusterPage({ params }: { params: Promise<{ cluster: string }> }) {
  const page = await clusterPage(params);
  const initial = page.refused ? undefined : await load(getClusterOverview(page.ctx));
  return (
    <>
      <PageHeader
        crumbs={[{ label: page.ctx.name }]}
        title={`Cluster ${page.ctx.name}`}
        subtitle={`Every broker the namesrv (${page.ctx.config.namesrvAddrs.join(';')}) knows: role, version, throughput, today's traffic and disk use (as mqadmin clusterList).`}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <ClusterOverviewView initial={initial && 'value' in initial ? initial.value : undefined} initialError={initial && 'error' in initial ? initial.error : undefined} />
      )}
    </>
  );
}
