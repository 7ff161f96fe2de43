'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useQueryStates } from 'nuqs';
import { useEffect, useState } from 'react';
import type { GroupListAnswer, GroupListItem } from '@/lib/console/groups/list';
import { useGroupList, useGroupSnapshotRefresh } from '../api/groups';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { URL_STATE_OPTIONS } from '../urlState';
import { formatCount, formatTps } from '../format';
import { Badge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { Pager } from '../ui/Pager';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { DrainText, LagAge, LagNumber, ModelBadge, VerdictBadge } from './badges';
import { groupListParams, groupListQuery } from './listState';
import { useCan } from '../api/session';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { GroupUpsertDialog } from './GroupChangeDialog';
import { snapshotProgressText } from './snapshotProgress';

function columns(cluster: string, asOf: number, t: ReturnType<typeof useTranslations<'groups.list'>>): Array<ColumnDef<GroupListItem, unknown>> {
  return [
    {
      id: 'name',
      accessorKey: 'group',
      header: t('group'),
      cell: ({ row }) => (
        <div>
          <span className="flex items-center gap-1.5">
            <Link href={paths.group(cluster, row.original.group)} className="font-medium text-blue-700 hover:underline" data-testid="group-link">
              {row.original.group}
            </Link>
            {row.original.messageModel === 'BROADCASTING' && <ModelBadge model="BROADCASTING" />}
            {row.original.orderly && <Badge title={t('orderlyTitle')}>{t('orderly')}</Badge>}
            {row.original.system && <Badge tone="bg-zinc-100 text-zinc-500 ring-zinc-200">{t('system')}</Badge>}
          </span>
          <SubscribedTopics topics={row.original.topics} />
        </div>
      ),
    },
    {
      id: 'clients',
      accessorKey: 'clients',
      header: t('clients'),
      meta: { numeric: true },
      cell: ({ row }) =>
        row.original.clients > 0 ? (
          <span title={row.original.consumeType}>
            {formatCount(row.original.clients)} <span className="text-xs text-slate-500">{row.original.version}</span>
          </span>
        ) : (
          <span className="text-slate-400">{t('offline')}</span>
        ),
    },
    { id: 'lag', accessorKey: 'lag', header: t('lag'), meta: { numeric: true }, cell: ({ row }) => <LagNumber lag={row.original.lag} /> },
    {
      id: 'lagAge',
      accessorFn: (g) => (g.oldestUnconsumedTimestamp === undefined ? 0 : asOf - g.oldestUnconsumedTimestamp),
      header: t('oldestUnconsumed'),
      meta: { numeric: true },
      cell: ({ row }) => <LagAge ms={row.original.oldestUnconsumedTimestamp === undefined ? undefined : asOf - row.original.oldestUnconsumedTimestamp} />,
    },
    { id: 'drain', header: t('timeToDrain'), enableSorting: false, meta: { numeric: true }, cell: ({ row }) => <DrainText drain={row.original.drain} lag={row.original.lag} /> },
    { id: 'verdict', header: t('diagnosis'), enableSorting: false, cell: ({ row }) => <VerdictBadge verdict={row.original.verdict} /> },
    { id: 'tps', accessorKey: 'consumeTps', header: t('consumeTps'), meta: { numeric: true }, cell: ({ row }) => formatTps(row.original.consumeTps) },
  ];
}

/** The group's topics under its name (a column of their own pushed the table past 1440 px). */
function SubscribedTopics({ topics }: { topics: string[] }) {
  const t = topics.filter((x) => !x.startsWith('%RETRY%'));
  if (t.length === 0) return null;
  return (
    <div className="text-xs text-slate-500" title={topics.join(', ')} data-testid="group-topics">
      {t.slice(0, 3).join(', ')}
      {t.length > 3 ? ` +${t.length - 3}` : ''}
    </div>
  );
}

export function GroupListView({ initial, initialKey, initialError }: { initial?: GroupListAnswer; initialKey: string; initialError?: string }) {
  const t = useTranslations('groups.list');
  const progressWords = useTranslations('groups.list.progress');
  const cluster = useCluster();
  const canChange = useCan(cluster, 'cluster:change');
  const [creating, setCreating] = useState(false);
  const [state, set] = useQueryStates(groupListParams, URL_STATE_OPTIONS);
  const [searchDraft, setSearchDraft] = useState(state.search);
  const [autoRefresh, setAutoRefresh] = useState(true);
  useEffect(() => setSearchDraft(state.search), [state.search]);
  useEffect(() => {
    if (searchDraft === state.search) return;
    const id = setTimeout(() => void set({ search: searchDraft, page: 1 }), 300);
    return () => clearTimeout(id);
  }, [searchDraft, state.search, set]);

  const qs = groupListQuery(state);
  const query = useGroupList(cluster, qs, { qs: initialKey, page: initial }, { refetchInterval: autoRefresh ? 15_000 : false });
  // the button asks for a new snapshot, not just the latest one
  const refresh = useGroupSnapshotRefresh(cluster, qs);
  // before the first snapshot exists the answer is its build's progress, asked again every 1.5 s until rows come
  const building = query.data?.building;
  const { refetch } = query;
  useEffect(() => {
    if (!building) return;
    const id = setTimeout(() => void refetch(), 1500);
    return () => clearTimeout(id);
  }, [building, refetch]);
  const data = building ? undefined : query.data;
  const desc = state.sort.startsWith('-');
  const sortId = state.sort.replace(/^-/, '');
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <input
          type="search"
          value={searchDraft}
          onChange={(e) => setSearchDraft(e.target.value)}
          placeholder={t('search')}
          aria-label={t('search')}
          className="w-72 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm"
        />
        <label className="flex cursor-pointer items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={state.system === 'hide'} onChange={(e) => void set({ system: e.target.checked ? 'hide' : 'show', page: 1 })} className="accent-slate-700" />
          {t('hideSystem')}
        </label>
        <div className="ml-auto flex items-center gap-3">
          <DisabledReasonButton onClick={() => setCreating(true)} disabledReason={canChange.reason} testId="create-group" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            {t('create')}
          </DisabledReasonButton>
          <RefreshBar
            asOf={data?.asOf}
            fetching={refresh.isPending || query.isFetching}
            onRefresh={() => refresh.mutate()}
            autoRefresh={autoRefresh}
            onAutoRefreshChange={setAutoRefresh}
            intervalSeconds={15}
          />
        </div>
      </div>
      {creating && <GroupUpsertDialog onClose={() => setCreating(false)} />}
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {building && !query.error && (
        <div data-testid="snapshot-progress">
          <Spinner label={t('building', { progress: snapshotProgressText(building, progressWords) })} />
        </div>
      )}
      {!data && !building && !query.error && (initialError ? <ErrorState message={initialError} /> : <Spinner label={t('reading')} />)}
      {data && (
        <Card>
          {data.items.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t('noMatch')}>{state.search ? t('clearSearch') : t('noGroup')}</EmptyState>
            </div>
          ) : (
            <DataTable
              data={data.items}
              columns={columns(cluster, data.asOf, t)}
              rowTestId="group-row"
              getRowId={(g) => g.group}
              serverSorting={{
                sorting: [{ id: sortId, desc }],
                onSortingChange: (next) => {
                  const s = next[0];
                  if (s) void set({ sort: `${s.desc ? '-' : ''}${s.id}`, page: 1 });
                },
              }}
            />
          )}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => void set({ page: p })} onPageSize={(s) => void set({ pageSize: s, page: 1 })} sizes={[25, 50, 100, 200, 500]} />
        </Card>
      )}
    </div>
  );
}
