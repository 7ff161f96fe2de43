import type { Metadata } from 'next';
import { TraceView } from '@/components/messages/TraceView';
import { PageHeader } from '@/components/shell/PageHeader';
import { describeFailure } from '@/lib/console/core/errors';
import { messageTrace } from '@/lib/console/messages/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ msgId: string }> }): Promise<Metadata> {
  return { title: `Trace ${decodeURIComponent((await params).msgId)}` };
}

export default async function TracePage({ params, searchParams }: { params: Promise<{ msgId: string }>; searchParams: Promise<{ topic?: string }> }) {
  const id = decodeURIComponent((await params).msgId).trim().toUpperCase();
  const topic = (await searchParams).topic?.trim() || undefined;
  const initial = await messageTrace(id, topic).then(
    (value) => ({ value }),
    (error: unknown) => ({ error: describeFailure(error) }),
  );
  const t = 'value' in initial ? initial.value : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Traces', href: '/traces' }, ...(t?.topic ? [{ label: t.topic, href: `/topics/${encodeURIComponent(t.topic)}` }] : []), { label: id }]}
        title={<span className="font-mono text-xl">{id}</span>}
        subtitle={t ? `Message trace from ${t.traceTopic}` : undefined}
      />
      <TraceView id={id} topic={topic ?? t?.topic} initial={t} initialError={'error' in initial ? initial.error : undefined} />
    </>
  );
}
