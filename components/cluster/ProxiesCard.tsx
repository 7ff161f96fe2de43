'use client';

import { useProxies } from '../api/proxies';
import { useCluster } from '../useCluster';
import { Card, ErrorState } from '../ui/states';

const SOURCE = { configured: 'clusters file', discovered: 'seen by the brokers', both: 'clusters file, seen by the brokers' } as const;

/** The cluster's proxies (5.x): where gRPC clients connect; shown only when there is one. */
export function ProxiesCard() {
  const cluster = useCluster();
  const query = useProxies(cluster);
  if (query.error) return <div className="mb-5"><ErrorState title="Proxies" message={query.error.message} /></div>;
  const proxies = query.data?.proxies ?? [];
  if (proxies.length === 0) return null;
  return (
    <Card title={`Proxies (${proxies.length})`} className="mb-5">
      <table className="min-w-full text-sm" data-testid="proxies">
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr><th className="px-3 py-2">Remoting address</th><th className="px-3 py-2">Version</th><th className="px-3 py-2">Known from</th><th className="px-3 py-2">State</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {proxies.map((p) => (
            <tr key={p.addr} data-testid="proxy-row">
              <td className="px-3 py-1.5 font-mono">{p.addr}</td>
              <td className="px-3 py-1.5">{p.version ?? '—'}</td>
              <td className="px-3 py-1.5 text-slate-600">{SOURCE[p.source]}</td>
              <td className={`px-3 py-1.5 ${p.reachable ? 'text-emerald-700' : 'text-red-700'}`}>{p.reachable ? 'answers' : `unreachable${p.error ? `: ${p.error}` : ''}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">gRPC clients (the 5.x SDKs) connect to a proxy and heartbeat only to it: their groups&apos; clients are read from here.</p>
    </Card>
  );
}
