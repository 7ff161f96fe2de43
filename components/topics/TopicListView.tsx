'use client';

import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useEffect, useState } from 'react';
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
import { Timestamp } from '../ui/Timestamp';
import { topicListParams, topicListQuery } from './listState';
import { useCan } from '../api/session';
import { DisabledReasonButton } from '../ui/DisabledReasonButton';
import { TopicUpsertDialog } from './TopicChangeDialog';

const TYPES = ['NORMAL', 'FIFO', 'DELAY', 'TRANSACTION', 'PRIORITY', 'LITE', 'MIXED', 'RETRY', 'DLQ', 'SYSTEM'];

const columns = (cluster: string): Array<ColumnDef<TopicListItem, unknown>> => [
  {
    accessorKey: 'topic',
    id: 'name',
    header: 'Topic',
    cell: ({ row }) => (
      <Link href={paths.topic(cluster, row.original.topic)} className="font-medium text-blue-700 hover:underline" data-testid="topic-link">
        {row.original.topic}
      </Link>
    ),
  },
  { accessorKey: 'type', header: 'Type', cell: ({ row }) => <TopicTypeBadge type={row.original.type} /> },
  { id: 'brokers', accessorFn: (t) => t.brokers.length, header: 'Brokers', cell: ({ row }) => row.original.brokers.join(', ') || '—' },
  { id: 'queues', accessorKey: 'writeQueueNums', header: 'Write / read queues', meta: { numeric: true }, cell: ({ row }) => `${formatCount(row.original.writeQueueNums)} / ${formatCount(row.original.readQueueNums)}` },
  { accessorKey: 'perm', header: 'Perm', enableSorting: false, cell: ({ row }) => <span className="font-mono">{row.original.perm || '—'}</span> },
  { accessorKey: 'messages', header: 'Messages', enableSorting: false, meta: { numeric: true }, cell: ({ row }) => formatCount(row.original.messages) },
  { accessorKey: 'lastUpdateTimestamp', header: 'Last write', enableSorting: false, cell: ({ row }) => <Timestamp ms={row.original.lastUpdateTimestamp} /> },
];

export function TopicListView({ initial, initialKey, initialError }: { initial?: TopicPage; initialKey: string; initialError?: string }) {
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
          placeholder="Search topics"
          aria-label="Search topics"
          className="w-72 rounded border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm"
        />
        <select
          aria-label="Topic type"
          value={state.type}
          onChange={(e) => void set({ type: e.target.value, page: 1 })}
          className="rounded border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm"
        >
          <option value="">All types</option>
          {TYPES.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
        <label className="flex cursor-pointer items-center gap-1.5 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={state.system === 'hide'}
            onChange={(e) => void set({ system: e.target.checked ? 'hide' : 'show', page: 1 })}
            className="accent-slate-700"
          />
          Hide system topics
        </label>
        <div className="ml-auto flex items-center gap-3">
          <DisabledReasonButton onClick={() => setCreating(true)} disabledReason={canChange.reason} testId="create-topic" className="rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium shadow-sm hover:bg-slate-50">
            Create topic…
          </DisabledReasonButton>
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
              <EmptyState title="No topic matches">
                {state.search || state.type ? 'Clear the search or the type filter.' : state.system === 'hide' ? 'Only system topics exist; untick "Hide system topics".' : 'The namesrv lists no topic.'}
              </EmptyState>
            </div>
          ) : (
            <DataTable
              data={data.items}
              columns={columns(cluster)}
              rowTestId="topic-row"
              getRowId={(t) => t.topic}
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
