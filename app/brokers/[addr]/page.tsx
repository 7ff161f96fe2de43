import type { Metadata } from 'next';
import { BrokerRuntimeView } from '@/components/broker/BrokerRuntimeView';
import { PageHeader } from '@/components/shell/PageHeader';
import { getBrokerRuntime } from '@/lib/console/cluster/overview';
import { describeFailure, NotFoundError } from '@/lib/console/core/errors';
import { notFound } from 'next/navigation';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ addr: string }> }): Promise<Metadata> {
  return { title: `Broker ${decodeURIComponent((await params).addr)}` };
}

export default async function BrokerPage({ params }: { params: Promise<{ addr: string }> }) {
  const addr = decodeURIComponent((await params).addr);
  const initial = await getBrokerRuntime(addr).then(
    (value) => ({ value }),
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      return { error: describeFailure(error) };
    },
  );
  const node = 'value' in initial ? initial.value.node : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Cluster', href: '/cluster' }, { label: node ? `${node.brokerName} (${node.brokerId === 0 ? 'master' : `slave ${node.brokerId}`})` : 'Broker' }, { label: addr }]}
        title={<span className="font-mono">{addr}</span>}
        subtitle={node ? `${node.clusterName} · ${node.brokerName} · brokerId ${node.brokerId}` : undefined}
      />
      <BrokerRuntimeView addr={addr} initial={'value' in initial ? initial.value : undefined} initialError={'error' in initial ? initial.error : undefined} />
    </>
  );
}
