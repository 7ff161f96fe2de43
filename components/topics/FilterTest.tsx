'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { FilterTestResult } from '@/lib/console/filters/test';
import { useFilterTest } from '../api/topics';
import { errorText } from '../api/client';
import { formatCount } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { Card } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

const WINDOWS = [
  ['window1h', 3_600_000],
  ['window6h', 6 * 3_600_000],
  ['window24h', 86_400_000],
  ['window7d', 7 * 86_400_000],
] as const;

/**
 * Which stored messages a subscription would get: a tag or SQL92 expression (or a group's own subscription),
 * evaluated by the brokers over a window of the topic. `groupToTest` runs a group's subscription from outside.
 */
export function FilterTest({ topic, groupToTest }: { topic: string; groupToTest?: { group: string; nonce: number } }) {
  const t = useTranslations('topics.filter');
  const cluster = useCluster();
  const test = useFilterTest(cluster, topic);
  const [expressionType, setType] = useState<'TAG' | 'SQL92'>('SQL92');
  const [expression, setExpression] = useState('');
  const [window, setWindow] = useState<number>(WINDOWS[0][1]);
  const windowRef = useRef(window);
  windowRef.current = window;
  const { mutate } = test;
  useEffect(() => {
    // a group's "Test subscription" button: run its own subscription over the chosen window
    if (groupToTest) mutate({ group: groupToTest.group, begin: Date.now() - windowRef.current });
  }, [groupToTest, mutate]);
  const run = () => mutate({ expressionType, expression, begin: Date.now() - window });
  return (
    <Card title={t('title')} className="mb-5">
      <form
        className="flex flex-wrap items-end gap-3 px-4 py-3 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
      >
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('type')}</span>
          <select value={expressionType} onChange={(e) => setType(e.target.value as 'TAG' | 'SQL92')} className="rounded border border-slate-300 px-2 py-1" data-testid="filter-type">
            <option value="SQL92">SQL92</option>
            <option value="TAG">{t('tag')}</option>
          </select>
        </label>
        <label className="flex min-w-[24rem] flex-1 flex-col gap-1">
          <span className="text-xs text-slate-500">{expressionType === 'SQL92' ? t('sqlHint') : t('tagHint')}</span>
          <input value={expression} onChange={(e) => setExpression(e.target.value)} className="rounded border border-slate-300 px-2 py-1 font-mono" aria-label={t('expression')} data-testid="filter-expression" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-500">{t('storedInLast')}</span>
          <select value={window} onChange={(e) => setWindow(Number(e.target.value))} className="rounded border border-slate-300 px-2 py-1">
            {WINDOWS.map(([label, ms]) => (
              <option key={label} value={ms}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={test.isPending} className="rounded bg-slate-800 px-3 py-1.5 font-medium text-white disabled:opacity-50">
          {test.isPending ? t('testing') : t('test')}
        </button>
      </form>
      {test.error && (
        <p role="alert" className="border-t border-slate-200 bg-red-50 px-4 py-2 text-sm text-red-800" data-testid="filter-error">
          {errorText(test.error)}
        </p>
      )}
      {test.data && <FilterResult result={test.data} cluster={cluster} />}
    </Card>
  );
}

function FilterResult({ result: r, cluster }: { result: FilterTestResult; cluster: string }) {
  const t = useTranslations('topics.filter');
  return (
    <div className="border-t border-slate-200" data-testid="filter-result">
      <p className="px-4 py-2 text-sm">
        {r.group ? (
          <>
            {t.rich('subscribesWith', { group: r.group, type: r.expressionType, expression: r.expression, b: (chunks) => <b>{chunks}</b>, code: (chunks) => <code className="rounded bg-slate-100 px-1">{chunks}</code> })}{' '}
          </>
        ) : null}
        {t.rich('matched', {
          matched: formatCount(r.matchedCount),
          inWindow: formatCount(r.inWindow),
          b: (chunks) => <b className="tabular-nums" data-testid="filter-matched">{chunks}</b>,
          n: (chunks) => <span className="tabular-nums">{chunks}</span>,
          time: () => <Timestamp ms={r.begin} showAge={false} />,
        })}
        {r.truncated && <span className="text-amber-800">{t('truncated', { count: formatCount(r.scanned) })}</span>}
      </p>
      {r.refusedBy.map((x) => (
        <p key={x.brokerName} role="alert" className="bg-amber-50 px-4 py-1 text-sm text-amber-900">
          {x.brokerName}: {x.reason}
        </p>
      ))}
      {r.failures.map((f) => (
        <p key={f.addr} role="alert" className="bg-amber-50 px-4 py-1 text-sm text-amber-900">
          {t('noAnswer', { broker: f.brokerName, addr: f.addr, error: f.error })}
        </p>
      ))}
      {r.matched.length > 0 && (
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5">{t('stored')}</th>
              <th className="px-3 py-1.5">{t('msgId')}</th>
              <th className="px-3 py-1.5">{t('tags')}</th>
              <th className="px-3 py-1.5">{t('keys')}</th>
              <th className="px-3 py-1.5">{t('queue')}</th>
              <th className="px-3 py-1.5 text-right">{t('offset')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {r.matched.map((m) => (
              <tr key={`${m.brokerName}-${m.queueId}-${m.queueOffset}`} data-testid="filter-row">
                <td className="px-3 py-1">
                  <Timestamp ms={m.storeTimestamp} compact />
                </td>
                <td className="px-3 py-1 font-mono text-xs">
                  <Link className="text-blue-700 hover:underline" href={paths.message(cluster, m.msgId, m.topic)}>
                    {m.msgId}
                  </Link>
                </td>
                <td className="px-3 py-1">{m.tags ?? '—'}</td>
                <td className="px-3 py-1 font-mono text-xs">{m.keys.join(' ') || '—'}</td>
                <td className="px-3 py-1">
                  {m.brokerName}/{m.queueId}
                </td>
                <td className="num px-3 py-1">{formatCount(m.queueOffset)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
