import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { MessageDetailView } from '@/components/messages/MessageDetailView';
import { paths } from '@/components/paths';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { getMessageDetail } from '@/lib/console/messages/detail';
import { clusterPage, load } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ msgId: string }> }): Promise<Metadata> {
  const t = await getTranslations('messages.messagePage');
  return { title: t('metaTitle', { msgId: decodeURIComponent((await params).msgId) }) };
}

export default async function MessagePage({ params, searchParams }: { params: Promise<{ cluster: string; msgId: string }>; searchParams: Promise<{ topic?: string }> }) {
  const page = await clusterPage(params);
  const t = await getTranslations('messages.messagePage');
  const id = decodeURIComponent((await params).msgId).trim().toUpperCase();
  const topic = (await searchParams).topic?.trim() || undefined;
  if (page.refused) return <Refused refusal={page.refused} />;
  const c = page.ctx.name;
  const initial = await load(getMessageDetail(page.ctx, { msgId: id, topic, bodies: page.may('message:body') }));
  const m = 'value' in initial ? initial.value.message : undefined;
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('crumb'), href: paths.messages(c) }, ...(m ? [{ label: m.topic, href: paths.topic(c, m.topic) }] : []), { label: id }]}
        title={<span className="font-mono text-xl">{id}</span>}
        subtitle={
          'value' in initial
            ? initial.value.kind === 'offset'
              ? t('byOffset')
              : t(initial.value.topicFrom === 'trace' ? 'topicFromTrace' : 'byClientId', { topic: m!.topic })
            : undefined
        }
      />
      <MessageDetailView id={id} topic={topic ?? m?.topic} initial={'value' in initial ? initial.value : undefined} initialError={'error' in initial ? initial.error : undefined} />
    </>
  );
}
