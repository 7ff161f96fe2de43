'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ProducerGroup } from '@/lib/console/producers/list';
import { useProducers } from '../api/producers';
import { formatCount } from '../format';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

/** Producer groups with their clients side by side: address, SDK language and version, the masters each talks to. */
export function ProducersView() {
  const t = useTranslations('producers');
  const cluster = useCluster();
  const query = useProducers(cluster);
  const [showInner, setShowInner] = useState(false);
  const data = query.data;
  const groups = (data?.groups ?? []).filter((g) => showInner || !g.inner);
  const inner = (data?.groups ?? []).filter((g) => g.inner).length;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={showInner} onChange={(e) => setShowInner(e.target.checked)} data-testid="show-inner" />
          {t('view.showInner', { count: formatCount(inner) })}
        </label>
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {data && <PartialFailures failures={data.failures} />}
      {data?.unsupported.map((u) => (
        <p key={u.brokerName} role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t('view.unsupported', { brokerName: u.brokerName, reason: u.reason })}
        </p>
      ))}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && groups.length === 0 && <EmptyState title={t('view.noProducer')}>{t('view.noProducerHelp')}</EmptyState>}
      {groups.length > 0 && (
        <Card>
          <table className="min-w-full text-sm" data-testid="producers">
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="px-3 py-2">{t('view.producerGroup')}</th>
                <th className="px-3 py-2">{t('view.client')}</th>
                <th className="px-3 py-2">{t('view.host')}</th>
                <th className="px-3 py-2">{t('view.language')}</th>
                <th className="px-3 py-2">{t('view.version')}</th>
                <th className="px-3 py-2">{t('view.connectedTo')}</th>
                <th className="px-3 py-2">{t('view.lastHeartbeat')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">{groups.map((g) => <GroupRows key={g.group} group={g} />)}</tbody>
          </table>
          <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
            {t('view.topicsNote')}
          </p>
        </Card>
      )}
    </div>
  );
}

function GroupRows({ group }: { group: ProducerGroup }) {
  return (
    <>
      {group.clients.map((c, i) => (
        <tr key={c.clientId} data-testid="producer-client" data-group={group.group}>
          <td className="px-3 py-1.5 font-medium">{i === 0 ? group.group : ''}</td>
          <td className="px-3 py-1.5 font-mono text-xs">{c.clientId}</td>
          <td className="px-3 py-1.5 font-mono text-xs">{[...new Set(c.connections.map((x) => x.remoteAddr.replace(/:\d+$/, '')))].join(', ')}</td>
          <td className="px-3 py-1.5">{c.language}</td>
          <td className="px-3 py-1.5">{c.version}</td>
          <td className="px-3 py-1.5" title={c.connections.map((x) => `${x.brokerName} ← ${x.remoteAddr}`).join('\n')}>
            {c.connections.map((x) => x.brokerName).join(', ')}
          </td>
          <td className="px-3 py-1.5">
            <Timestamp ms={c.lastHeartbeat} compact />
          </td>
        </tr>
      ))}
    </>
  );
}
