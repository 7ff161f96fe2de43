import type { Metadata } from 'next';
import { ClusterOverviewView } from '@/components/cluster/ClusterOverviewView';
import { PageHeader } from '@/components/shell/PageHeader';
import { getClusterOverview } from '@/lib/console/cluster/overview';
import { describeFailure } from '@/lib/console/core/errors';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Cluster' };

export default async function ClusterPage() {
  const initial = await getClusterOverview().then(
    (value) => ({ value }),
    (error: unknown) => ({ error: describeFailure(error) }),
  );
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Cluster' }]}
        title="Cluster overview"
        subtitle="Every broker the namesrv knows: role, version, throughput, today's traffic and disk use (as mqadmin clusterList)."
      />
      <ClusterOverviewView initial={'value' in initial ? initial.value : undefined} initialError={'error' in initial ? initial.error : undefined} />
    </>
  );
}
