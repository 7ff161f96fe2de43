import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TraceView } from '@/components/messages/TraceView';
import { paths } from '@/components/paths';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { getMessageTrace } from '@/lib/console/traces/trace';
import { clusterPage, load } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ msgId: string }> }): Promise<Metadata> {
  const tr = await getTranslations('messages.tracePage');
  return { title: tr('metaTitle', { msgId: decodeURIComponent((await params).msgId) }) };
}

export default async function TracePage({ params, searchParams }: { params: Promise<{ cluster: string; msgId: string }>; searchParams: Promise<{ topic?: string }> }) {
  const page = await clusterPage(params);
  const tr = await getTranslations('messages.tracePage');
  const id = decodeURIComponent((await params).msgId).trim().toUpperCase();
  const topic = (await searchParams).topic?.trim() || undefined;
  if (page.refused) return <Refused refusal={page.refused} />;
  const c = page.ctx.name;
  const initial = await load(getMessageTrace(page.ctx, { msgId: id, topic }));
  const t = 'value' in initial ? initial.value : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: tr('crumb'), href: paths.traces(c) }, ...(t?.topic ? [{ label: t.topic, href: paths.topic(c, t.topic) }] : []), { label: id }]}
        title={<span className="font-mono text-xl">{id}</span>}
        subtitle={t ? tr('subtitle', { traceTopic: t.traceTopic }) : undefined}
      />
      <TraceView id={id} topic={topic ?? t?.topic} initial={t} initialError={'error' in initial ? initial.error : undefined} />
    </>
  );
}
