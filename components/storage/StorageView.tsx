'use client';

import type { BrokerStorage } from '@/lib/console/storage/overview';
import { useStorageOverview } from '../api/storage';
import { formatBytes, formatCount, formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

/** "Total : 252.0 GiB, Free : 73.3 GiB." -> "73.3 GiB free of 252.0 GiB"; other spellings as the broker gives them. */
function diskText(capacity: string | undefined): string {
  if (!capacity) return '—';
  const m = /Total\s*:\s*([\d.]+\s*\w+),\s*Free\s*:\s*([\d.]+\s*\w+)/.exec(capacity);
  return m ? `${m[2]} free of ${m[1]}` : capacity;
}

const pct = (r: number | undefined) => (r === undefined ? '—' : `${(r * 100).toFixed(0)}%`);

/** Every broker's disk use against its limits, retention, and how far back its messages go. */
export function StorageView() {
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
      {data && data.brokers.length === 0 && data.failures.length === 0 && <EmptyState title="No broker is registered with the name server" />}
      {data && data.brokers.length > 0 && (
        <Card>
          <table className="min-w-full text-sm" data-testid="storage">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">Broker</th>
                <th className="px-3 py-2 text-right" title="commitLogDiskRatio / consumeQueueDiskRatio">Disk used (log / queues)</th>
                <th className="px-3 py-2 text-right" title="diskMaxUsedSpaceRatio: above it the broker deletes the oldest files whatever their age">Deletes above</th>
                <th className="px-3 py-2">Disk</th>
                <th className="px-3 py-2 text-right">Commit log kept</th>
                <th className="px-3 py-2 text-right">Retention</th>
                <th className="px-3 py-2">Oldest message</th>
                <th className="px-3 py-2 text-right" title="Commit-log bytes not yet in the consume queues">Dispatch behind</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.brokers.map((b) => (
                <BrokerRow key={b.addr} broker={b} />
              ))}
            </tbody>
          </table>
          <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
            A reset by time, or a message lookup, cannot go back past a broker&apos;s oldest message: the broker deletes commit-log files older than fileReservedTime at
            deleteWhen, and earlier when the disk passes its limits. Each queue&apos;s own horizon is shown in the reset preview.
          </p>
        </Card>
      )}
      {data && data.brokers.some((b) => b.putLatency) && <LatencyTable brokers={data.brokers.filter((b) => b.putLatency)} />}
    </div>
  );
}

function BrokerRow({ broker: b }: { broker: BrokerStorage }) {
  const retained = b.earliestMessageTime !== undefined ? Date.now() - b.earliestMessageTime : undefined;
  return (
    <>
      <tr data-testid="storage-broker" data-broker={`${b.brokerName}-${b.brokerId}`}>
        <td className="px-3 py-1.5">
          <div className="font-medium">{b.brokerName}</div>
          <div className="font-mono text-xs text-slate-500">
            {b.brokerId === 0 ? 'master' : `slave ${b.brokerId}`} · {b.addr}
          </div>
        </td>
        <td className="num px-3 py-1.5" data-testid="disk-ratio">
          {pct(b.commitLogDiskRatio)} / {pct(b.consumeQueueDiskRatio)}
        </td>
        <td className="num px-3 py-1.5">{b.diskMaxUsedSpaceRatio === undefined ? '—' : `${b.diskMaxUsedSpaceRatio}%`}</td>
        <td className="whitespace-nowrap px-3 py-1.5 text-xs text-slate-600">{diskText(b.diskCapacity)}</td>
        <td className="num px-3 py-1.5" data-testid="commitlog-bytes">
          {b.commitLogBytes === undefined ? '—' : formatBytes(b.commitLogBytes)}
        </td>
        <td className="num px-3 py-1.5" data-testid="retention">
          {b.fileReservedHours === undefined ? '—' : `${formatCount(b.fileReservedHours)} h`}
          {b.deleteWhen && <div className="text-xs text-slate-500">deletes at {b.deleteWhen} h</div>}
        </td>
        <td className="px-3 py-1.5" data-testid="earliest">
          {b.earliestMessageTime !== undefined ? <Timestamp ms={b.earliestMessageTime} /> : <span className="text-slate-500">{b.commitLogBytes === 0 ? 'none stored' : 'unknown'}</span>}
          {retained !== undefined && <div className="text-xs text-slate-500">a window of {formatDuration(retained)}</div>}
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
  const ranges = brokers[0]!.putLatency!.map((x) => x.range);
  return (
    <Card title="Put latency (the brokers' recent puts, putMessageDistributeTime)">
      <table className="min-w-full text-sm" data-testid="put-latency">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th className="px-3 py-1.5 text-left">Broker</th>
            {ranges.map((r) => (
              <th key={r} className="px-2 py-1.5 text-right font-mono font-normal">{r}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {brokers.map((b) => (
            <tr key={b.addr} data-testid={`put-latency-${b.brokerName}-${b.brokerId}`}>
              <td className="whitespace-nowrap px-3 py-1">
                {b.brokerName} <span className="text-xs text-slate-500">{b.brokerId === 0 ? 'master' : `slave ${b.brokerId}`}</span>
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
