'use client';

import { useTranslations } from 'next-intl';
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { useState } from 'react';
import { errorText } from '../api/client';
import type { KeySearchWindow } from '@/lib/console/favourites/schema';
import { useRecordSearch } from '../api/favourites';
import { useMessagesByKey } from '../api/messages';
import { useCluster } from '../useCluster';
import { URL_STATE_OPTIONS } from '../urlState';
import { formatCount } from '../format';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { MessageTable } from './MessageTable';
import { windowOf, WINDOWS } from './windows';

/** Messages of a topic by key, from the brokers' index; topic, key and window live in the URL. */
export function KeySearch() {
  const t = useTranslations('messages.keySearch');
  const tw = useTranslations('messages.windows');
  const cluster = useCluster();
  const [state, set] = useQueryStates(
    {
      topic: parseAsString.withDefault(''),
      key: parseAsString.withDefault(''),
      window: parseAsStringLiteral(Object.keys(WINDOWS) as Array<keyof typeof WINDOWS>).withDefault('all'),
      limit: parseAsString.withDefault('1000'),
    },
    URL_STATE_OPTIONS,
  );
  const record = useRecordSearch(cluster);
  const [topic, setTopic] = useState(state.topic);
  const [key, setKey] = useState(state.key);
  const ready = state.topic !== '' && state.key !== '';
  const query = useMessagesByKey(cluster, { topic: state.topic, key: state.key, limit: state.limit, window: { id: state.window, resolve: () => windowOf(state.window) } });
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void set({ topic: topic.trim(), key: key.trim() });
          if (topic.trim() && key.trim()) record({ kind: 'key', params: { topic: topic.trim(), key: key.trim(), window: state.window as KeySearchWindow, limit: Number(state.limit) } });
        }}
      >
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t('topic')}</span>
          <input name="topic" required value={topic} onChange={(e) => setTopic(e.target.value)} className="w-64 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" placeholder="LabTopic" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t('key')}</span>
          <input name="key" required value={key} onChange={(e) => setKey(e.target.value)} className="w-64 rounded border border-slate-300 px-2 py-1.5 font-mono text-sm" placeholder="order-4711" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t('stored')}</span>
          <select name="window" value={state.window} onChange={(e) => void set({ window: e.target.value as keyof typeof WINDOWS })} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
            {Object.entries(WINDOWS).map(([id, w]) => (
              <option key={id} value={id}>{tw(w.label)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="text-slate-600">{t('atMost')}</span>
          <select name="limit" value={state.limit} onChange={(e) => void set({ limit: e.target.value })} className="rounded border border-slate-300 px-2 py-1.5 text-sm">
            {['100', '1000', '5000', '10000'].map((n) => (
              <option key={n} value={n}>{formatCount(Number(n))}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700">{t('search')}</button>
      </form>
      {!ready && <EmptyState title={t('startTitle')}>{t('startHint')}</EmptyState>}
      {ready && query.isPending && <Spinner label={t('asking')} />}
      {ready && query.error && <ErrorState title={t('failed')} message={errorText(query.error)} />}
      {query.data && (
        <Card
          title={
            <span data-testid="result-count">
              {t('count', { count: formatCount(query.data.items.length), n: query.data.items.length })}<span className="font-mono">{query.data.key}</span>
            </span>
          }
          actions={<span className="text-xs text-slate-500">{t('indexQueries', { count: formatCount(query.data.requests) })}</span>}
        >
          <PartialFailures failures={query.data.failures} />
          {query.data.more && (
            <p className="mb-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="more-results">
              {t('more', { limit: formatCount(query.data.limit) })}
            </p>
          )}
          {query.data.items.length === 0 ? <EmptyState title={t('noneTitle')}>{t('noneHint')}</EmptyState> : <MessageTable items={query.data.items} />}
        </Card>
      )}
    </div>
  );
}
