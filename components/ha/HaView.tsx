'use client';

import { useTranslations } from 'next-intl';
import type { BrokerGroupHa, ReplicaView } from '@/lib/console/ha/overview';
import { useHaOverview } from '../api/ha';
import { formatBytes, formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';

/** Every broker group: its master and slaves, replication lag, and what a missing master means. */
export function HaView() {
  const t = useTranslations('ha');
  const cluster = useCluster();
  const query = useHaOverview(cluster);
  const data = query.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-end">
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && data.groups.length === 0 && <EmptyState title={t('view.noBrokers')} />}
      {data?.groups.map((g) => <GroupCard key={g.brokerName} group={g} />)}
    </div>
  );
}

function GroupCard({ group: g }: { group: BrokerGroupHa }) {
  const t = useTranslations('ha');
  const slaves = g.replicas.filter((r) => r.role === 'slave');
  return (
    <Card
      title={
        <span>
          {g.brokerName} <span className="font-normal text-slate-500">· {g.clusterName}</span>
          {g.controllerMode && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">{t('group.controllerMode')}</span>}
        </span>
      }
    >
      <div data-testid={`ha-group-${g.brokerName}`} data-master-down={g.masterDown}>
        {g.masterDown && (
          <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="master-down">
            <p className="font-medium">
              {g.lastSeenMaster
                ? t.rich('group.masterDownLastSeen', { addr: g.lastSeenMaster.addr, time: () => <Timestamp ms={g.lastSeenMaster!.lastSeen} /> })
                : t('group.masterDown')}{' '}
              {g.readsFrom ? t('group.readsFrom', { addr: g.readsFrom }) : t('group.noReplica')}
            </p>
            {g.unavailable.length > 0 && (
              <ul className="mt-1 list-disc pl-5" data-testid="unavailable">
                <li className="list-none -ml-5">{t('group.notPossible')}</li>
                {g.unavailable.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2">{t('group.role')}</th>
              <th className="px-3 py-2">{t('group.address')}</th>
              <th className="px-3 py-2 text-right">{t('group.maxOffset')}</th>
              <th className="px-3 py-2 text-right">{t('group.behindBytes')}</th>
              <th className="px-3 py-2 text-right">{t('group.behindTime')}</th>
              <th className="px-3 py-2">{t('group.replication')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {g.replicas.map((r) => (
              <ReplicaRow key={r.addr} replica={r} readsFrom={g.readsFrom} />
            ))}
          </tbody>
        </table>
        {!g.masterDown && slaves.length === 0 && <p className="px-4 py-2 text-sm text-slate-500">{t('group.noSlave')}</p>}
      </div>
    </Card>
  );
}

function ReplicaRow({ replica: r, readsFrom }: { replica: ReplicaView; readsFrom?: string }) {
  const t = useTranslations('ha');
  return (
    <tr data-testid="ha-replica" data-role={r.role}>
      <td className="px-3 py-1.5">
        {r.role === 'master' ? t('replica.master') : t('replica.slave', { brokerId: r.brokerId })}
        {readsFrom === r.addr && r.role === 'slave' && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">{t('replica.servingReads')}</span>}
      </td>
      <td className="px-3 py-1.5 font-mono text-xs">{r.addr}</td>
      <td className="num px-3 py-1.5" data-testid="max-offset">
        {r.commitLogMaxOffset === undefined ? '—' : r.commitLogMaxOffset.toLocaleString('en-US')}
      </td>
      <td className="num px-3 py-1.5" data-testid="behind-bytes">
        {r.behindBytes === undefined ? '—' : formatBytes(r.behindBytes)}
      </td>
      <td className="num px-3 py-1.5">{r.behindMs === undefined ? (r.role === 'slave' && r.behindBytes ? t('replica.unknown') : '—') : r.behindMs === 0 ? t('replica.none') : formatDuration(r.behindMs)}</td>
      <td className="px-3 py-1.5" data-testid="sync">
        {r.error ? (
          <span className="text-red-700">{r.error}</span>
        ) : r.role === 'master' ? (
          '—'
        ) : r.inSync === undefined ? (
          <span className="text-slate-600">{r.source === 'offsets' ? t('replica.fromOffsets') : '—'}</span>
        ) : r.inSync ? (
          <span className="text-emerald-700">{t('replica.inSync')}</span>
        ) : (
          <span className="font-medium text-red-700">{t('replica.fallingBehind')}</span>
        )}
      </td>
    </tr>
  );
}
