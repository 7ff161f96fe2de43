import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { paths } from '@/components/paths';
import { StarButton } from '@/components/favourites/StarButton';
import { PageHeader } from '@/components/shell/PageHeader';
import { TopicDetailView } from '@/components/topics/TopicDetailView';
import { TopicTypeBadge } from '@/components/ui/Badge';
import { Refused } from '@/components/ui/states';
import { describeFailure, NotFoundError } from '@/lib/console/core/errors';
import { getTopicRoute, getTopicStatus } from '@/lib/console/topics/detail';
import { clusterPage } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ topic: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('topics.page'))('topicTitle', { topic: decodeURIComponent((await params).topic) }) };
}

export default async function TopicPage({ params }: { params: Promise<{ cluster: string; topic: string }> }) {
  const t = await getTranslations('topics.page');
  const page = await clusterPage(params);
  const topic = decodeURIComponent((await params).topic);
  if (page.refused) return <Refused refusal={page.refused} />;
  const [route, status] = await Promise.all([
    getTopicRoute(page.ctx, { topic }).then((value) => ({ value }), (error: unknown) => ({ error })),
    getTopicStatus(page.ctx, { topic }).then((value) => ({ value }), (error: unknown) => ({ error })),
  ]);
  if ('error' in route && route.error instanceof NotFoundError) notFound();
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('title'), href: paths.topics(page.ctx.name) }, { label: topic }]}
        title={
          <span className="flex items-center gap-2">
            {topic} {'value' in route && route.value.type && <TopicTypeBadge type={route.value.type} />}
            <StarButton cluster={page.ctx.name} kind="topic" name={topic} />
          </span>
        }
        subtitle={t('topicSubtitle')}
      />
      <TopicDetailView
        topic={topic}
        initialRoute={'value' in route ? route.value : undefined}
        initialStatus={'value' in status ? status.value : undefined}
        initialError={'error' in route ? describeFailure(route.error) : undefined}
      />
    </>
  );
}
