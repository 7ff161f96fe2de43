'use client';

import { useTranslations } from 'next-intl';
import { useProxies } from '../api/proxies';
import { useCluster } from '../useCluster';
import { Card, ErrorState } from '../ui/states';

const SOURCE = { configured: 'proxies.sourceConfigured', discovered: 'proxies.sourceDiscovered', both: 'proxies.sourceBoth' } as const;

/** The cluster's proxies (5.x): where gRPC clients connect; shown only when there is one. */
export function ProxiesCard() {
  const t = useTranslations('cluster');
  const cluster = useCluster();
  const query = useProxies(cluster);
  if (query.error) return <div className="mb-5"><ErrorState title={t('proxies.errorTitle')} message={query.error.message} /></div>;
  const proxies = query.data?.proxies ?? [];
  if (proxies.length === 0) return null;
  return (
    <Card title={t('proxies.title', { count: proxies.length })} className="mb-5">
      <table className="min-w-full text-sm" data-testid="proxies">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="px-3 py-2">{t('proxies.remotingAddress')}</th><th className="px-3 py-2">{t('proxies.version')}</th><th className="px-3 py-2">{t('proxies.knownFrom')}</th><th className="px-3 py-2">{t('proxies.state')}</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {proxies.map((p) => (
            <tr key={p.addr} data-testid="proxy-row">
              <td className="px-3 py-1.5 font-mono">{p.addr}</td>
              <td className="px-3 py-1.5">{p.version ?? '—'}</td>
              <td className="px-3 py-1.5 text-slate-600">{t(SOURCE[p.source])}</td>
              <td className={`px-3 py-1.5 ${p.reachable ? 'text-emerald-700' : 'text-red-700'}`}>{p.reachable ? t('proxies.answers') : p.error ? t('proxies.unreachableError', { error: p.error }) : t('proxies.unreachable')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">{t('proxies.grpcNote')}</p>
    </Card>
  );
}
