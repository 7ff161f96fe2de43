'use client';

import Link from 'next/link';
import { parseAsInteger, parseAsString, useQueryStates } from 'nuqs';
import { useEffect, useState } from 'react';
import { useAuditList } from '../api/audit';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { apiQuery, URL_STATE_OPTIONS } from '../urlState';
import { formatCount } from '../format';
import { StatusBadge } from '../reset/ResultView';
import { Pager } from '../ui/Pager';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

const auditListParams = {
  group: parseAsString.withDefault(''),
  topic: parseAsString.withDefault(''),
  actor: parseAsString.withDefault(''),
  from: parseAsString.withDefault(''),
  to: parseAsString.withDefault(''),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(50),
};
const CLEARED = { group: null, topic: null, actor: null, from: null, to: null, page: null, pageSize: null };

function toIso(local: string): string {
  return local ? new Date(local).toISOString() : '';
}

/** The audit log with filters (group, topic, actor, time range) in the URL, newest first. */
export function AuditListView() {
  const cluster = useCluster();
  const [state, set] = useQueryStates(auditListParams, URL_STATE_OPTIONS);
  const [draft, setDraft] = useState(state);
  useEffect(() => setDraft(state), [state]);
  const qs = apiQuery({ ...state, from: state.from ? toIso(state.from) : '', to: state.to ? toIso(state.to) : '' });
  const query = useAuditList(cluster, qs);
  const data = query.data;
  const input = (key: 'group' | 'topic' | 'actor', label: string) => (
    <input
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      onKeyDown={(e) => e.key === 'Enter' && void set({ ...draft, page: 1 })}
      placeholder={label}
      aria-label={`Filter by ${label}`}
      className="w-44 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
    />
  );
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        {input('group', 'group')}
        {input('topic', 'topic')}
        {input('actor', 'actor')}
        <label className="flex items-center gap-1">from <input type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} aria-label="From" className="rounded border border-slate-300 px-1 py-0.5" /></label>
        <label className="flex items-center gap-1">to <input type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} aria-label="To" className="rounded border border-slate-300 px-1 py-0.5" /></label>
        <button type="button" onClick={() => void set({ ...draft, page: 1 })} className="rounded bg-slate-800 px-3 py-1 font-medium text-white">Apply filters</button>
        <button type="button" onClick={() => void set(CLEARED)} className="rounded border border-slate-300 bg-white px-3 py-1">Clear</button>
        <div className="ml-auto"><RefreshBar fetching={query.isFetching} onRefresh={() => void query.refetch()} /></div>
      </div>
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && (
        <Card>
          {data.items.length === 0 ? (
            <div className="p-4"><EmptyState title="No audited action matches">Every change made through the console (resets, topics, groups, configs, messages, dead letters, access control) and its undo appear here, newest first.</EmptyState></div>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-3 py-2 text-right">#</th>
                  <th className="px-3 py-2">When</th>
                  <th className="px-3 py-2">Actor</th>
                  <th className="px-3 py-2">Action</th>
                  <th className="px-3 py-2">Target</th>
                  <th className="px-3 py-2">Status</th>
                  <th className="px-3 py-2 text-right" title="queues of a reset, lines (before → after) of a change">Items</th>
                  <th className="px-3 py-2 text-right">Duration</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.items.map((e) => (
                  <tr key={e.auditId} data-testid="audit-row" className="hover:bg-slate-50">
                    <td className="num px-3 py-1.5"><Link className="font-medium text-blue-700 hover:underline" href={paths.auditEntry(cluster, e.auditId)}>{e.auditId}</Link></td>
                    <td className="px-3 py-1.5"><Timestamp ms={e.at} /></td>
                    <td className="px-3 py-1.5" title="the user, and through what: the web pages (ui), an API token (api) or the terminal command (cli)">{e.actor} <span className="text-slate-500" data-testid="audit-channel">({e.channel})</span></td>
                    <td className="px-3 py-1.5">{e.action}{e.undoOf ? <span className="text-slate-500"> of #{e.undoOf}</span> : null}</td>
                    <td className="px-3 py-1.5 font-mono">{e.target}</td>
                    <td className="px-3 py-1.5"><StatusBadge status={e.status} /></td>
                    <td className="num px-3 py-1.5" title={e.change ? 'lines of the change (before → after)' : 'queues of the reset'}>{formatCount(e.change ? e.change.lines.length : e.planned.length)}</td>
                    <td className="num px-3 py-1.5">{e.durationMs === null ? '—' : `${formatCount(e.durationMs)} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => void set({ page: p })} onPageSize={(s) => void set({ pageSize: s, page: 1 })} />
        </Card>
      )}
    </div>
  );
}
