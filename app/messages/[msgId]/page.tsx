import type { Metadata } from 'next';
import { MessageDetailView } from '@/components/messages/MessageDetailView';
import { PageHeader } from '@/components/shell/PageHeader';
import { describeFailure } from '@/lib/console/core/errors';
import { messageDetail } from '@/lib/console/messages/queries';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ msgId: string }> }): Promise<Metadata> {
  return { title: `Message ${decodeURIComponent((await params).msgId)}` };
}

export default async function MessagePage({ params, searchParams }: { params: Promise<{ msgId: string }>; searchParams: Promise<{ topic?: string }> }) {
  const id = decodeURIComponent((await params).msgId).trim().toUpperCase();
  const topic = (await searchParams).topic?.trim() || undefined;
  const initial = await messageDetail(id, topic).then(
    (value) => ({ value }),
    (error: unknown) => ({ error: describeFailure(error) }),
  );
  const m = 'value' in initial ? initial.value.message : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Messages', href: '/messages' }, ...(m ? [{ label: m.topic, href: `/topics/${encodeURIComponent(m.topic)}` }] : []), { label: id }]}
        title={<span className="font-mono text-xl">{id}</span>}
        subtitle={
          'value' in initial
            ? `${initial.value.kind === 'offset' ? 'offsetMsgId, read from the broker it names' : `client msgId, found in the index of ${m!.topic}${initial.value.topicFrom === 'trace' ? ' (topic from its trace)' : ''}`}`
            : undefined
        }
      />
      <MessageDetailView id={id} topic={topic ?? m?.topic} initial={'value' in initial ? initial.value : undefined} initialError={'error' in initial ? initial.error : undefined} />
    </>
  );
}
