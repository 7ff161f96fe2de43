'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import type { BrokerRuntime } from '@/lib/console/brokers/runtime';
import { useBrokerRuntime } from '../api/clusters';
import { useCluster } from '../useCluster';
import { formatBytes, formatCount, formatRatio, formatTps } from '../format';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

function Fact({ label, children, wide = false }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'col-span-2' : undefined}>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 font-medium tabular-nums">{children}</dd>
    </div>
  );
}

export function BrokerRuntimeView({ addr, initial, initialError }: { addr: string; initial?: BrokerRuntime; initialError?: string }) {
  const t = useTranslations('broker');
  const [filter, setFilter] = useState('');
  const query = useBrokerRuntime(useCluster(), addr, initial);
  const data = query.data;
  const rows = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return Object.entries(data?.entries ?? {})
      .filter(([k, v]) => !needle || k.toLowerCase().includes(needle) || v.toLowerCase().includes(needle))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }, [data, filter]);
  if (!data) {
    const message = query.error?.message ?? initialError;
    return message ? <ErrorState message={message} onRetry={() => void query.refetch()} /> : <Spinner />;
  }
  const e = data.entries;
  const n = (k: string) => (e[k] !== undefined && e[k] !== '' ? Number(e[k]) : undefined);
  return (
    <div>
      <div className="mb-4 flex justify-end">
        <RefreshBar asOf={data.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {query.error && <ErrorState title={t('runtime.refreshFailed')} message={query.error.message} />}
      <Card className="mb-5">
        <dl className="grid grid-cols-2 gap-4 p-4 md:grid-cols-4 lg:grid-cols-7">
          <Fact label={t('runtime.version')}>{e.brokerVersionDesc ?? '—'}</Fact>
          <Fact label={t('runtime.booted')} wide><Timestamp ms={n('bootTimestamp')} /></Fact>
          <Fact label={t('runtime.putTps')}>{formatTps(Number(e.putTps?.split(' ')[0] ?? NaN))}</Fact>
          <Fact label={t('runtime.commitLogMaxOffset')}>{formatBytes(n('commitLogMaxOffset'))}</Fact>
          <Fact label={t('runtime.commitLogDisk')}>{formatRatio(n('commitLogDiskRatio'))}</Fact>
          <Fact label={t('runtime.dispatchBehind')}>{formatCount(n('dispatchBehindBytes'))} B</Fact>
        </dl>
      </Card>
      <Card
        title={t('runtime.tableTitle', { count: formatCount(Object.keys(e).length) })}
        actions={
          <input
            type="search"
            value={filter}
            onChange={(ev) => setFilter(ev.target.value)}
            placeholder={t('runtime.filterPlaceholder')}
            aria-label={t('runtime.filterLabel')}
            className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
          />
        }
      >
        {rows.length === 0 ? (
          <div className="p-4"><EmptyState title={t('runtime.noMatch')} /></div>
        ) : (
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="border-b border-slate-200 px-3 py-2">{t('runtime.key')}</th>
                <th scope="col" className="border-b border-slate-200 px-3 py-2">{t('runtime.value')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map(([k, v]) => (
                <tr key={k} data-testid="runtime-row">
                  <td className="px-3 py-1.5 font-mono text-slate-700">{k}</td>
                  <td className="px-3 py-1.5 font-mono break-all" data-key={k}>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
