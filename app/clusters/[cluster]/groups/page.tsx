import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { GroupListView } from '@/components/groups/GroupListView';
import { groupListQuery, loadGroupListState } from '@/components/groups/listState';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { listGroups } from '@/lib/console/groups/list';
import { GroupListQuery } from '@/lib/console/groups/schema';
import { clusterPage, load, type Loaded } from '../../../_lib/page';
import type { GroupListAnswer } from '@/lib/console/groups/list';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groups.page'))('title') };
}

export default async function GroupsPage({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const t = await getTranslations('groups.page');
  const page = await clusterPage(params);
  // the same query string the client builds from the URL, so the server's answer is reused, not fetched again
  const key = groupListQuery(loadGroupListState(await searchParams));
  const parsed = GroupListQuery.safeParse(Object.fromEntries(new URLSearchParams(key)));
  const initial: Loaded<GroupListAnswer> | undefined = page.refused
    ? undefined
    : parsed.success
      ? await load(listGroups(page.ctx, parsed.data))
      : { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('title') }]}
        title={t('title')}
        subtitle={t('subtitle')}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <Suspense>
          <HydrationGate>
            <GroupListView initial={initial && 'value' in initial ? initial.value : undefined} initialKey={key} initialError={initial && 'error' in initial ? initial.error : undefined} />
          </HydrationGate>
        </Suspense>
      )}
    </>
  );
}
