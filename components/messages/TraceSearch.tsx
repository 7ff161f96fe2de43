'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { parseAsString, useQueryStates } from 'nuqs';
import { errorText } from '../api/client';
import { useRecordSearch } from '../api/favourites';
import { useTracesByKey } from '../api/traces';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { URL_STATE_OPTIONS } from '../urlState';
import { formatCount } from '../format';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { IdSearch } from './IdSearch';


/** Traces by msgId (opens the trace page) or of every message with a business key (a list here). */
export function TraceSearch() {
  const tr = useTranslations('messages.traceSearch');
  const cluster = useCluster();
  const [state, set] = useQueryStates({ key: parseAsString.withDefault(''), topic: parseAsString.withDefault('') }, URL_STATE_OPTIONS);
  const [key, setKey] = useState(state.key);
  const [topic, setTopic] = useState(state.topic);
  const query = useTracesByKey(cluster, state.key, state.topic);
  const record = useRecordSearch(cluster);
  return (
    <div className="space-y-4">
      <Card title={tr('byId')}><IdSearch /></Card>
      <Card title={tr('byKey')}>
        <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => { e.preventDefault(); void set({ key: key.trim(), topic: topic.trim() }); if (key.trim()) record({ kind: 'trace', params: { key: key.trim(), ...(topic.trim() ? { topic: topic.trim() } : {}) } }); }}>
          <label className="flex flex-col text-sm">
            <span className="text-slate-600">{tr('key')}</span>
            <input name="traceKey" required value={key} onChange={(e) => setKey(e.target.value)} className="w-64 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" />
          </label>
          <label className="flex flex-col text-sm">
            <span className="text-slate-600">{tr('topic')}</span>
            <input name="traceTopic" value={topic} onChange={(e) => setTopic(e.target.value)} className="w-56 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" />
          </label>
          <button type="submit" className="rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700">{tr('find')}</button>
        </form>
        <div className="mt-4">
          {state.key !== '' && query.isPending && <Spinner label={tr('reading')} />}
          {query.error && <ErrorState title={tr('failed')} message={errorText(query.error)} />}
          {query.data && <PartialFailures failures={query.data.failures} />}
          {query.data && query.data.items.length === 0 && <EmptyState title={tr('none')} />}
          {query.data && query.data.items.length > 0 && (
            <table className="w-full text-sm" data-testid="key-traces">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                  <th className="px-2 py-1.5">{tr('msgId')}</th><th className="px-2 py-1.5">{tr('topicCol')}</th><th className="px-2 py-1.5">{tr('sent')}</th><th className="px-2 py-1.5 text-right">{tr('sendMs')}</th><th className="px-2 py-1.5">{tr('consumedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {query.data.items.map((t) => (
                  <tr key={t.msgId} className="border-b border-slate-100" data-testid="key-trace-row">
                    <td className="px-2 py-1.5"><Link className="font-mono text-xs text-blue-700 hover:underline" href={paths.trace(cluster, t.msgId, t.topic)}>{t.msgId}</Link></td>
                    <td className="px-2 py-1.5">{t.topic}</td>
                    <td className="px-2 py-1.5"><Timestamp ms={t.sendTime} /></td>
                    <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(t.pubs[0]?.costMs)}</td>
                    <td className="px-2 py-1.5 text-xs">{t.groups.map((g) => (g.consumed ? g.group : tr('notYet', { group: g.group }))).join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </Card>
    </div>
  );
}
