import type { Metadata } from 'next';
import { Suspense } from 'react';
import { HydrationGate } from '@/components/HydrationGate';
import { GroupListView } from '@/components/groups/GroupListView';
import { groupListQueryString, groupListState } from '@/components/groups/listState';
import { PageHeader } from '@/components/shell/PageHeader';
import { describeFailure } from '@/lib/console/core/errors';
import type { GroupSort } from '@/lib/console/groups/list';
import { listGroups } from '@/lib/console/groups/queries';
import { GroupListQuery } from '../api/groups/schema';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Consumer groups' };

export default async function GroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  const key = groupListQueryString(groupListState(raw));
  const parsed = GroupListQuery.safeParse(Object.fromEntries(new URLSearchParams(key)));
  const initial = parsed.success
    ? await listGroups({
        search: parsed.data.search,
        hideSystem: parsed.data.system === 'hide',
        sort: parsed.data.sort.replace(/^-/, '') as GroupSort,
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
      <PageHeader
        crumbs={[{ label: 'Consumer groups' }]}
        title="Consumer groups"
        subtitle="Every group on every master with its lag in messages and in time, clients and consume rate (as mqadmin consumerProgress), from a snapshot refreshed in the background."
      />
      <Suspense>
        <HydrationGate>
          <GroupListView initial={'value' in initial ? initial.value : undefined} initialKey={key} initialError={'error' in initial ? initial.error : undefined} />
        </HydrationGate>
      </Suspense>
    </>
  );
}
