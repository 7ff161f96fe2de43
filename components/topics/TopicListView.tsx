'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useQueryStates } from 'nuqs';
import { useEffect, useState, type ReactNode } from 'react';
import type { TopicListItem } from '@/lib/console/topics/catalog';
import type { TopicPage } from '@/lib/console/topics/list';
import { useTopicList } from '../api/topics';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { URL_STATE_OPTIONS } from '../urlState';
import { formatCount } from '../format';
import { TopicTypeBadge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { Pager } from '../ui/Pager';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { Age, Timestamp } from '../ui/Timestamp';
import { topicListParams, topicListQuery } from './listState';
import { useCan } from '../api/session';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { TopicUpsertDialog } from './TopicChangeDialog';

const TYPES = ['NORMAL', 'FIFO', 'DELAY', 'TRANSACTION', 'PRIORITY', 'LITE', 'MIXED', 'RETRY', 'DLQ', 'SYSTEM'];

/** A number the background stats have not built yet says so, rather than looking like a blank or a 0. */
function StatsCell({ known, pending, partial, children }: { known: boolean; pending: boolean; partial?: boolean; children: ReactNode }) {
  const t = useTranslations('topics.list');
  if (!known) return pending ? <span className="text-xs text-slate-400" data-testid="stats-building">{t('building')}</span> : <span className="text-slate-400">—</span>;
  return (
    <span title={partial ? t('partialTitle') : undefined}>
      {children}
      {partial && <span className="ml-0.5 text-amber-600">*</span>}
    </span>
  );
}

const columns = (cluster: string, pending: boolean, t: ReturnType<typeof useTranslations<'topics.list'>>): Array<ColumnDef<TopicListItem, unknown>> => [
  {
    accessorKey: 'topic',
    id: 'name',
    header: t('topic'),
    cell: ({ row }) => (
      <Link href={paths.topic(cluster, row.original.topic)} className="font-medium text-blue-700 hover:underline" data-testid="topic-link">
        {row.original.topic}
      </Link>
    ),
  },
  { accessorKey: 'type', header: t('type'), cell: ({ row }) => <TopicTypeBadge type={row.original.type} /> },
  { id: 'brokers', accessorFn: (item) => item.brokers.length, header: t('brokers'), cell: ({ row }) => row.original.brokers.join(', ') || '—' },
  { id: 'queues', accessorKey: 'writeQueueNums', header: t('writeReadQueues'), meta: { numeric: true }, cell: ({ row }) => `${formatCount(row.original.writeQueueNums)} / ${formatCount(row.original.readQueueNums)}` },
  { accessorKey: 'perm', header: t('perm'), enableSorting: false, cell: ({ row }) => <span className="font-mono">{row.original.perm || '—'}</span> },
  {
    id: 'messages',
    accessorKey: 'messages',
    header: t('messages'),
    sortDescFirst: true,
    meta: { numeric: true },
    cell: ({ row }) => (
      <StatsCell known={row.original.messages !== undefined} pending={pending} partial={row.original.statsPartial}>
        {formatCount(row.original.messages)}
      </StatsCell>
    ),
  },
  {
    id: 'lastWrite',
    accessorKey: 'lastUpdateTimestamp',
    header: t('lastWrite'),
    sortDescFirst: true,
    cell: ({ row }) => (
      <StatsCell known={row.original.lastUpdateTimestamp !== undefined || row.original.messages !== undefined} pending={pending} partial={row.original.statsPartial}>
        <Timestamp ms={row.original.lastUpdateTimestamp} />
      </StatsCell>
    ),
  },
];

/** How old the numbers the sorts by messages and last write use are, or how far their first build is. */
function StatsAge({ stats }: { stats: TopicPage['stats'] }) {
  const t = useTranslations('topics.list');
  if (stats.pending) {
    return (
      <span className="text-sm text-slate-600" data-testid="topic-stats-age">
        {stats.progress ? t('statsBuildingProgress', { done: formatCount(stats.progress.done), total: formatCount(stats.progress.total) }) : t('statsBuilding')}
      </span>
    );
  }
  if (stats.asOf === undefined) return null;
  return (
    <span className="text-sm text-slate-600" data-testid="topic-stats-age" title={stats.durationMs !== undefined ? t('statsTitleDuration', { time: new Date(stats.asOf).toISOString(), seconds: (stats.durationMs / 1000).toFixed(1) }) : t('statsTitle', { time: new Date(stats.asOf).toISOString() })}>
      <Age ms={stats.asOf} prefix={t('statsAsOf')} />
    </span>
  );
}

export function TopicListView({ initial, initialKey, initialError }: { initial?: TopicPage; initialKey: string; initialError?: string }) {
  const t = useTranslations('topics.list');
  const cluster = useCluster();
  const canChange = useCan(cluster, 'cluster:change');
  const [creating, setCreating] = useState(false);
  const [state, set] = useQueryStates(topicListParams, URL_STATE_OPTIONS);
  const [searchDraft, setSearchDraft] = useState(state.search);
  useEffect(() => setSearchDraft(state.search), [state.search]);
  useEffect(() => {
    if (searchDraft === state.search) return;
    const id = setTimeout(() => void set({ search: searchDraft, page: 1 }), 300);
    return () => clearTimeout(id);
  }, [searchDraft, state.search, set]);

  const qs = topicListQuery(state);
  const query = useTopicList(cluster, qs, { qs: initialKey, page: initial });
  const data = query.data;
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
        <select
          aria-label={t('typeFilter')}
          value={state.type}
          onChange={(e) => void set({ type: e.target.value, page: 1 })}
          className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm"
        >
          <option value="">{t('allTypes')}</option>
          {TYPES.map((type) => (
            <option key={type} value={type}>{type}</option>
          ))}
        </select>
        <label className="flex cursor-pointer items-center gap-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={state.system === 'hide'}
            onChange={(e) => void set({ system: e.target.checked ? 'hide' : 'show', page: 1 })}
            className="accent-slate-700"
          />
          {t('hideSystem')}
        </label>
        <div className="ml-auto flex items-center gap-3">
          <DisabledReasonButton onClick={() => setCreating(true)} disabledReason={canChange.reason} testId="create-topic" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            {t('create')}
          </DisabledReasonButton>
          {data?.stats && <StatsAge stats={data.stats} />}
          <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
        </div>
      </div>
      {creating && <TopicUpsertDialog onClose={() => setCreating(false)} />}
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && (initialError ? <ErrorState message={initialError} /> : <Spinner />)}
      {data && (
        <Card>
          {data.items.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t('noMatch')}>
                {state.search || state.type ? t('clearFilters') : state.system === 'hide' ? t('onlySystem') : t('noTopic')}
              </EmptyState>
            </div>
          ) : (
            <DataTable
              data={data.items}
              columns={columns(cluster, data.stats?.pending ?? false, t)}
              rowTestId="topic-row"
              getRowId={(item) => item.topic}
              serverSorting={{
                sorting: [{ id: sortId, desc }],
                onSortingChange: (next) => {
                  const s = next[0];
                  if (s) void set({ sort: `${s.desc ? '-' : ''}${s.id}`, page: 1 });
                },
              }}
            />
          )}
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPage={(p) => void set({ page: p })}
            onPageSize={(s) => void set({ pageSize: s, page: 1 })}
          />
        </Card>
      )}
    </div>
  );
}
