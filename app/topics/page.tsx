import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { topicListQueryString, topicListState } from '@/components/topics/listState';
import { TopicListView } from '@/components/topics/TopicListView';
import { describeFailure } from '@/lib/console/core/errors';
import { listTopics, type TopicSort } from '@/lib/console/topics/catalog';
import { TopicListQuery } from '../api/topics/schema';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  // the same key the client builds from the URL, so the server's answer is reused, not fetched again
  const key = topicListQueryString(topicListState(raw));
  const parsed = TopicListQuery.safeParse(Object.fromEntries(new URLSearchParams(key)));
  const initial = parsed.success
    ? await listTopics({
        search: parsed.data.search,
        type: parsed.data.type,
        hideSystem: parsed.data.system === 'hide',
        sort: parsed.data.sort.replace(/^-/, '') as TopicSort,
        desc: parsed.data.sort.startsWith('-'),
        page: parsed.data.page,
        pageSize: parsed.data.pageSize,
      }).then(
        (value) => ({ value }),
        (error: unknown) => ({ error: describeFailure(error) }),
      )
    : { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return (
    <>
      <PageHeader crumbs={[{ label: 'Topics' }]} title="Topics" subtitle="Every topic the namesrv routes, with its type, queues and traffic (as mqadmin topicList)." />
      <Suspense>
        <HydrationGate>
          <TopicListView initial={'value' in initial ? initial.value : undefined} initialKey={key} initialError={'error' in initial ? initial.error : undefined} />
        </HydrationGate>
      </Suspense>
    </>
  );
}
