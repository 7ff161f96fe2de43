'use client';

import { useTranslations } from 'next-intl';
import type { BrokerStorage } from '@/lib/console/storage/overview';
import { useStorageOverview } from '../api/storage';
import { formatBytes, formatCount, formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

/** "Total : 252.0 GiB, Free : 73.3 GiB." -> "73.3 GiB free of 252.0 GiB"; other spellings as the broker gives them. */
function diskText(capacity: string | undefined, t: ReturnType<typeof useTranslations<'storage'>>): string {
  if (!capacity) return '—';
  const m = /Total\s*:\s*([\d.]+\s*\w+),\s*Free\s*:\s*([\d.]+\s*\w+)/.exec(capacity);
  return m ? t('row.freeOf', { free: m[2]!, total: m[1]! }) : capacity;
}

const pct = (r: number | undefined) => (r === undefined ? '—' : `${(r * 100).toFixed(0)}%`);

/** Every broker's disk use against its limits, retention, and how far back its messages go. */
export function StorageView() {
  const t = useTranslations('storage');
  const cluster = useCluster();
  const query = useStorageOverview(cluster);
  const data = query.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-end">
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && data.brokers.length === 0 && data.failures.length === 0 && <EmptyState title={t('view.noBrokers')} />}
      {data && data.brokers.length > 0 && (
        <Card>
          <table className="min-w-full text-sm" data-testid="storage">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('view.broker')}</th>
                <th className="px-3 py-2 text-right" title="commitLogDiskRatio / consumeQueueDiskRatio">{t('view.diskUsed')}</th>
                <th className="px-3 py-2 text-right" title={t('view.deletesAboveTitle')}>{t('view.deletesAbove')}</th>
                <th className="px-3 py-2">{t('view.disk')}</th>
                <th className="px-3 py-2 text-right">{t('view.commitLogKept')}</th>
                <th className="px-3 py-2 text-right">{t('view.retention')}</th>
                <th className="px-3 py-2">{t('view.oldestMessage')}</th>
                <th className="px-3 py-2 text-right" title={t('view.dispatchBehindTitle')}>{t('view.dispatchBehind')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.brokers.map((b) => (
                <BrokerRow key={b.addr} broker={b} />
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
            {t('view.horizonNote')}
          </p>
        </Card>
      )}
      {data && data.brokers.some((b) => b.putLatency) && <LatencyTable brokers={data.brokers.filter((b) => b.putLatency)} />}
    </div>
  );
}

function BrokerRow({ broker: b }: { broker: BrokerStorage }) {
  const t = useTranslations('storage');
  const retained = b.earliestMessageTime !== undefined ? Date.now() - b.earliestMessageTime : undefined;
  return (
    <>
      <tr data-testid="storage-broker" data-broker={`${b.brokerName}-${b.brokerId}`}>
        <td className="px-3 py-1.5">
          <div className="font-medium">{b.brokerName}</div>
          <div className="font-mono text-xs text-slate-500">
            {b.brokerId === 0 ? t('row.master') : t('row.slave', { brokerId: b.brokerId })} · {b.addr}
          </div>
        </td>
        <td className="num px-3 py-1.5" data-testid="disk-ratio">
          {pct(b.commitLogDiskRatio)} / {pct(b.consumeQueueDiskRatio)}
        </td>
        <td className="num px-3 py-1.5">{b.diskMaxUsedSpaceRatio === undefined ? '—' : `${b.diskMaxUsedSpaceRatio}%`}</td>
        <td className="whitespace-nowrap px-3 py-1.5 text-xs text-slate-600">{diskText(b.diskCapacity, t)}</td>
        <td className="num px-3 py-1.5" data-testid="commitlog-bytes">
          {b.commitLogBytes === undefined ? '—' : formatBytes(b.commitLogBytes)}
        </td>
        <td className="num px-3 py-1.5" data-testid="retention">
          {b.fileReservedHours === undefined ? '—' : t('row.hours', { hours: formatCount(b.fileReservedHours) })}
          {b.deleteWhen && <div className="text-xs text-slate-500">{t('row.deletesAt', { deleteWhen: b.deleteWhen })}</div>}
        </td>
        <td className="px-3 py-1.5" data-testid="earliest">
          {b.earliestMessageTime !== undefined ? <Timestamp ms={b.earliestMessageTime} /> : <span className="text-slate-500">{b.commitLogBytes === 0 ? t('row.noneStored') : t('row.unknown')}</span>}
          {retained !== undefined && <div className="text-xs text-slate-500">{t('row.window', { duration: formatDuration(retained) })}</div>}
        </td>
        <td className="num px-3 py-1.5">{b.dispatchBehindBytes === undefined ? '—' : formatBytes(b.dispatchBehindBytes)}</td>
      </tr>
      {b.warnings.map((w) => (
        <tr key={w}>
          <td colSpan={8} className="bg-amber-50 px-3 py-1 text-sm text-amber-900" role="alert">
            {b.brokerName} ({b.addr}): {w}
          </td>
        </tr>
      ))}
    </>
  );
}

/** Put latencies per broker in the broker's own buckets (putMessageDistributeTime, its recent puts). */
function LatencyTable({ brokers }: { brokers: BrokerStorage[] }) {
  const t = useTranslations('storage');
  const ranges = brokers[0]!.putLatency!.map((x) => x.range);
  return (
    <Card title={t('latency.title')}>
      <table className="min-w-full text-sm" data-testid="put-latency">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-1.5 text-left">{t('latency.broker')}</th>
            {ranges.map((r) => (
              <th key={r} className="px-2 py-1.5 text-right font-mono font-normal">{r}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {brokers.map((b) => (
            <tr key={b.addr} data-testid={`put-latency-${b.brokerName}-${b.brokerId}`}>
              <td className="whitespace-nowrap px-3 py-1">
                {b.brokerName} <span className="text-xs text-slate-500">{b.brokerId === 0 ? t('row.master') : t('row.slave', { brokerId: b.brokerId })}</span>
              </td>
              {b.putLatency!.map((x) => (
                <td key={x.range} className={`num px-2 py-1 ${x.count === 0 ? 'text-slate-400' : 'font-medium'}`}>{formatCount(x.count)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
