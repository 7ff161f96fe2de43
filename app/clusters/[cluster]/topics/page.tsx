import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { loadTopicListState, topicListQuery } from '@/components/topics/listState';
import { TopicListView } from '@/components/topics/TopicListView';
import { Refused } from '@/components/ui/states';
import { listTopics, type TopicPage } from '@/lib/console/topics/list';
import { TopicListQuery } from '@/lib/console/topics/schema';
import { clusterPage, load, type Loaded } from '../../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('topics.page'))('title') };
}

export default async function TopicsPage({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('topics.page');
  const page = await clusterPage(params);
  // the same query string the client builds from the URL, so the server's answer is reused, not fetched again
  const key = topicListQuery(loadTopicListState(await searchParams));
  const parsed = TopicListQuery.safeParse(Object.fromEntries(new URLSearchParams(key)));
  const initial: Loaded<TopicPage> | undefined = page.refused
    ? undefined
    : parsed.success
      ? await load(listTopics(page.ctx, parsed.data))
      : { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return (
    <>
      <PageHeader crumbs={[{ label: t('title') }]} title={t('title')} subtitle={t('subtitle')} />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <TopicListView initial={initial && 'value' in initial ? initial.value : undefined} initialKey={key} initialError={initial && 'error' in initial ? initial.error : undefined} />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
