'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('audit');
  const input = (key: 'group' | 'topic' | 'actor') => {
    const label = t(`list.${key}`);
    return (
    <input
      value={draft[key]}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      onKeyDown={(e) => e.key === 'Enter' && void set({ ...draft, page: 1 })}
      placeholder={label}
      aria-label={t('list.filterBy', { field: label })}
      className="w-44 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
    />
    );
  };
  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-2 text-sm">
        {input('group')}
        {input('topic')}
        {input('actor')}
        <label className="flex items-center gap-1">{t('list.from')} <input type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} aria-label={t('list.fromLabel')} className="rounded border border-slate-300 px-1 py-0.5" /></label>
        <label className="flex items-center gap-1">{t('list.to')} <input type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} aria-label={t('list.toLabel')} className="rounded border border-slate-300 px-1 py-0.5" /></label>
        <button type="button" onClick={() => void set({ ...draft, page: 1 })} className="rounded bg-slate-800 px-3 py-1 font-medium text-white">{t('list.apply')}</button>
        <button type="button" onClick={() => void set(CLEARED)} className="rounded border border-slate-300 bg-white px-3 py-1">{t('list.clear')}</button>
        <div className="ml-auto"><RefreshBar fetching={query.isFetching} onRefresh={() => void query.refetch()} /></div>
      </div>
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && (
        <Card>
          {data.items.length === 0 ? (
            <div className="p-4"><EmptyState title={t('list.emptyTitle')}>{t('list.emptyBody')}</EmptyState></div>
          ) : (
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="px-3 py-2 text-right">#</th>
                  <th className="px-3 py-2">{t('list.when')}</th>
                  <th className="px-3 py-2">{t('list.actorHeader')}</th>
                  <th className="px-3 py-2">{t('list.action')}</th>
                  <th className="px-3 py-2">{t('list.target')}</th>
                  <th className="px-3 py-2">{t('list.status')}</th>
                  <th className="px-3 py-2 text-right" title={t('list.itemsTitle')}>{t('list.items')}</th>
                  <th className="px-3 py-2 text-right">{t('list.duration')}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.items.map((e) => (
                  <tr key={e.auditId} data-testid="audit-row" className="hover:bg-slate-50">
                    <td className="num px-3 py-1.5"><Link className="font-medium text-blue-700 hover:underline" href={paths.auditEntry(cluster, e.auditId)}>{e.auditId}</Link></td>
                    <td className="px-3 py-1.5"><Timestamp ms={e.at} /></td>
                    <td className="px-3 py-1.5" title={t('list.actorTitle')}>{e.actor} <span className="text-slate-500" data-testid="audit-channel">({e.channel})</span></td>
                    <td className="px-3 py-1.5">{e.action}{e.undoOf ? <span className="text-slate-500">{t('list.undoOf', { id: String(e.undoOf) })}</span> : null}</td>
                    <td className="px-3 py-1.5 font-mono">{e.target}</td>
                    <td className="px-3 py-1.5"><StatusBadge status={e.status} /></td>
                    <td className="num px-3 py-1.5" title={e.change ? t('list.itemsChange') : t('list.itemsReset')}>{formatCount(e.change ? e.change.lines.length : e.planned.length)}</td>
                    <td className="num px-3 py-1.5">{e.durationMs === null ? '—' : t('list.ms', { ms: formatCount(e.durationMs) })}</td>
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
