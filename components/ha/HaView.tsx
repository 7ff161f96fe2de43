'use client';

import type { BrokerGroupHa, ReplicaView } from '@/lib/console/ha/overview';
import { useHaOverview } from '../api/ha';
import { formatBytes, formatDuration } from '../format';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, Spinner } from '../ui/states';

/** Every broker group: its master and slaves, replication lag, and what a missing master means. */
export function HaView() {
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
      {data && data.groups.length === 0 && <EmptyState title="No broker is registered with the name server" />}
      {data?.groups.map((g) => <GroupCard key={g.brokerName} group={g} />)}
    </div>
  );
}

function GroupCard({ group: g }: { group: BrokerGroupHa }) {
  const slaves = g.replicas.filter((r) => r.role === 'slave');
  return (
    <Card
      title={
        <span>
          {g.brokerName} <span className="font-normal text-slate-500">· {g.clusterName}</span>
          {g.controllerMode && <span className="ml-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs text-sky-800">controller mode</span>}
        </span>
      }
    >
      <div data-testid={`ha-group-${g.brokerName}`} data-master-down={g.masterDown}>
        {g.masterDown && (
          <div role="alert" className="border-b border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="master-down">
            <p className="font-medium">
              The master is down{g.lastSeenMaster ? ` (${g.lastSeenMaster.addr}, last seen ` : ''}
              {g.lastSeenMaster && <Timestamp ms={g.lastSeenMaster.lastSeen} />}
              {g.lastSeenMaster ? ')' : ''}.{' '}
              {g.readsFrom ? `Reads are served from the slave ${g.readsFrom}: topic status, lag and message lookups still answer.` : 'No replica answers: nothing of this broker group can be read.'}
            </p>
            {g.unavailable.length > 0 && (
              <ul className="mt-1 list-disc pl-5" data-testid="unavailable">
                <li className="list-none -ml-5">Until it is back, not possible:</li>
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
              <th className="px-3 py-2">Role</th>
              <th className="px-3 py-2">Address</th>
              <th className="px-3 py-2 text-right">Commit-log max offset</th>
              <th className="px-3 py-2 text-right">Behind (bytes)</th>
              <th className="px-3 py-2 text-right">Behind (time)</th>
              <th className="px-3 py-2">Replication</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {g.replicas.map((r) => (
              <ReplicaRow key={r.addr} replica={r} readsFrom={g.readsFrom} />
            ))}
          </tbody>
        </table>
        {!g.masterDown && slaves.length === 0 && <p className="px-4 py-2 text-sm text-slate-500">No slave: this broker group has no replica to read from if its master stops.</p>}
      </div>
    </Card>
  );
}

function ReplicaRow({ replica: r, readsFrom }: { replica: ReplicaView; readsFrom?: string }) {
  return (
    <tr data-testid="ha-replica" data-role={r.role}>
      <td className="px-3 py-1.5">
        {r.role === 'master' ? 'master' : `slave ${r.brokerId}`}
        {readsFrom === r.addr && r.role === 'slave' && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">serving reads</span>}
      </td>
      <td className="px-3 py-1.5 font-mono text-xs">{r.addr}</td>
      <td className="num px-3 py-1.5" data-testid="max-offset">
        {r.commitLogMaxOffset === undefined ? '—' : r.commitLogMaxOffset.toLocaleString('en-US')}
      </td>
      <td className="num px-3 py-1.5" data-testid="behind-bytes">
        {r.behindBytes === undefined ? '—' : formatBytes(r.behindBytes)}
      </td>
      <td className="num px-3 py-1.5">{r.behindMs === undefined ? (r.role === 'slave' && r.behindBytes ? 'unknown' : '—') : r.behindMs === 0 ? 'none' : formatDuration(r.behindMs)}</td>
      <td className="px-3 py-1.5" data-testid="sync">
        {r.error ? (
          <span className="text-red-700">{r.error}</span>
        ) : r.role === 'master' ? (
          '—'
        ) : r.inSync === undefined ? (
          <span className="text-slate-600">{r.source === 'offsets' ? 'from the commit-log offsets (4.x reports no HA status)' : '—'}</span>
        ) : r.inSync ? (
          <span className="text-emerald-700">in sync</span>
        ) : (
          <span className="font-medium text-red-700">falling behind (more than haMaxGapNotInSync)</span>
        )}
      </td>
    </tr>
  );
}
