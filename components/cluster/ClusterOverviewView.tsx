'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ColumnDef } from '@tanstack/react-table';
import type { BrokerSummary, ClusterOverview } from '@/lib/console/cluster/overview';
import { useClusterOverview } from '../api/clusters';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { formatCount, formatDuration, formatRatio, formatTps } from '../format';
import { Badge, RoleBadge } from '../ui/Badge';
import { DataTable } from '../ui/DataTable';
import { RefreshBar } from '../ui/RefreshBar';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';
import { ProxiesCard } from './ProxiesCard';

const columns = (cluster: string, t: ReturnType<typeof useTranslations<'cluster'>>): Array<ColumnDef<BrokerSummary, unknown>> => [
  { accessorKey: 'brokerName', header: t('columns.broker'), cell: ({ row }) => <span className="font-medium">{row.original.brokerName}</span> },
  { accessorKey: 'brokerId', header: t('columns.brokerId'), meta: { numeric: true } },
  { accessorKey: 'role', header: t('columns.role'), cell: ({ row }) => <RoleBadge role={row.original.role} /> },
  {
    accessorKey: 'addr',
    header: t('columns.address'),
    cell: ({ row }) => (
      <Link className="font-mono text-blue-700 hover:underline" href={paths.broker(cluster, row.original.addr)}>
        {row.original.addr}
      </Link>
    ),
  },
  { accessorKey: 'version', header: t('columns.version'), cell: ({ row }) => row.original.version ?? '—' },
  { accessorKey: 'inTps', header: t('columns.inTps'), meta: { numeric: true }, cell: ({ row }) => formatTps(row.original.inTps) },
  { accessorKey: 'outTps', header: t('columns.outTps'), meta: { numeric: true }, cell: ({ row }) => formatTps(row.original.outTps) },
  {
    accessorKey: 'putToday',
    header: t('columns.putToday'),
    meta: { numeric: true },
    cell: ({ row }) => <span title={t('columns.yesterday', { count: formatCount(row.original.putYesterday) })}>{formatCount(row.original.putToday)}</span>,
  },
  {
    accessorKey: 'getToday',
    header: t('columns.getToday'),
    meta: { numeric: true },
    cell: ({ row }) => <span title={t('columns.yesterday', { count: formatCount(row.original.getYesterday) })}>{formatCount(row.original.getToday)}</span>,
  },
  { accessorKey: 'diskRatio', header: t('columns.diskUsed'), meta: { numeric: true }, cell: ({ row }) => <DiskCell ratio={row.original.diskRatio} /> },
  {
    id: 'oldest',
    accessorFn: (b) => b.earliestMessageTimestamp ?? Number.MAX_SAFE_INTEGER,
    header: t('columns.oldestMessage'),
    meta: { numeric: true },
    cell: ({ row }) => (row.original.earliestMessageTimestamp ? formatDuration(Date.now() - row.original.earliestMessageTimestamp) : '—'),
  },
  {
    id: 'status',
    header: t('columns.status'),
    enableSorting: false,
    cell: ({ row }) =>
      row.original.missing ? (
        <span className="font-medium text-red-700" title={row.original.error}>{t('columns.notRegistered')}</span>
      ) : row.original.error ? (
        <span className="font-medium text-red-700" title={row.original.error}>{t('columns.notAnswering')}</span>
      ) : row.original.activated === false ? (
        <Badge title={t('columns.standbyTitle')}>{t('columns.standby')}</Badge>
      ) : (
        <span className="text-emerald-700">{t('columns.up')}</span>
      ),
  },
];

function DiskCell({ ratio }: { ratio: number | undefined }) {
  if (ratio === undefined) return <>—</>;
  const tone = ratio > 0.85 ? 'text-red-700 font-semibold' : ratio > 0.7 ? 'text-amber-700' : '';
  return <span className={tone}>{formatRatio(ratio)}</span>;
}

function Tile({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className="mt-0.5 text-xl font-semibold tabular-nums" data-testid={testId}>{value}</div>
    </div>
  );
}

export function ClusterOverviewView({ initial, initialError }: { initial?: ClusterOverview; initialError?: string }) {
  const t = useTranslations('cluster');
  const [autoRefresh, setAutoRefresh] = useState(true);
  const cluster = useCluster();
  const query = useClusterOverview(cluster, initial, { refetchInterval: autoRefresh ? 10_000 : false });
  const data = query.data;
  const brokers = data?.clusters.flatMap((c) => c.brokers) ?? [];
  const masters = brokers.filter((b) => b.role === 'MASTER');
  return (
    <div>
      <div className="mb-4 flex justify-end">
        <RefreshBar
          asOf={data?.asOf}
          fetching={query.isFetching}
          onRefresh={() => void query.refetch()}
          autoRefresh={autoRefresh}
          onAutoRefreshChange={setAutoRefresh}
          intervalSeconds={10}
        />
      </div>
      {query.error && !data && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!query.error && !data && (initialError ? <ErrorState message={initialError} onRetry={() => void query.refetch()} /> : <Spinner />)}
      {data && (
        <>
          <PartialFailures failures={data.failures} />
          <div className="mb-5 grid grid-cols-2 gap-3 md:grid-cols-5">
            <Tile label={t('overview.clusters')} value={formatCount(data.clusters.length)} testId="tile-clusters" />
            <Tile label={t('overview.brokersMasters')} value={`${formatCount(brokers.length)} (${formatCount(masters.length)})`} testId="tile-brokers" />
            <Tile label={t('overview.inTpsMasters')} value={known(masters.map((b) => b.inTps), formatTps)} />
            <Tile label={t('overview.outTpsMasters')} value={known(masters.map((b) => b.outTps), formatTps)} />
            <Tile label={t('overview.putTodayMasters')} value={known(masters.map((b) => b.putToday), formatCount)} testId="tile-put-today" />
          </div>
          {data.clusters.length === 0 && <EmptyState title={t('overview.noBrokers')}>{t('overview.noBrokersHelp')}</EmptyState>}
          {data.clusters.map((c) => (
            <Card key={c.clusterName} title={<span data-testid="cluster-name">{c.clusterName}</span>} className="mb-5">
              <DataTable data={c.brokers} columns={columns(cluster, t)} rowTestId="broker-row" getRowId={(b) => b.addr} />
            </Card>
          ))}
          <ProxiesCard />
        </>
      )}
    </div>
  );
}

/** The sum of the values the brokers gave, marked when some are missing; "—" when none gave one (never a made-up 0). */
function known(values: Array<number | undefined>, format: (n: number) => string): string {
  const given = values.filter((v): v is number => v !== undefined);
  if (given.length === 0) return '—';
  const sum = format(given.reduce((n, v) => n + v, 0));
  return given.length < values.length ? `${sum}+` : sum;
}
