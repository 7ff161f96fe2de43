import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BrokerRuntimeView } from '@/components/broker/BrokerRuntimeView';
import { paths } from '@/components/paths';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { getBrokerRuntime } from '@/lib/console/brokers/runtime';
import { NotFoundError } from '@/lib/console/core/errors';
import { clusterPage, load } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ addr: string }> }): Promise<Metadata> {
  const t = await getTranslations('broker');
  return { title: t('page.title', { addr: decodeURIComponent((await params).addr) }) };
}

export default async function BrokerPage({ params }: { params: Promise<{ cluster: string; addr: string }> }) {
  const page = await clusterPage(params);
  const t = await getTranslations('broker');
  const addr = decodeURIComponent((await params).addr);
  const runtime = page.refused ? undefined : getBrokerRuntime(page.ctx, { addr });
  if (runtime) await runtime.catch((error: unknown) => (error instanceof NotFoundError ? notFound() : undefined));
  const initial = runtime ? await load(runtime) : undefined;
  const node = initial && 'value' in initial ? initial.value.node : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: page.ctx.name, href: paths.cluster(page.ctx.name) }, { label: node ? (node.brokerId === 0 ? t('page.node', { brokerName: node.brokerName }) : t('page.slaveNode', { brokerName: node.brokerName, brokerId: node.brokerId })) : t('page.broker') }, { label: addr }]}
        title={<span className="font-mono">{addr}</span>}
        subtitle={node ? t('page.subtitle', { clusterName: node.clusterName, brokerName: node.brokerName, brokerId: node.brokerId }) : undefined}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <BrokerRuntimeView addr={addr} initial={initial && 'value' in initial ? initial.value : undefined} initialError={initial && 'error' in initial ? initial.error : undefined} />
      )}
    </>
  );
}
