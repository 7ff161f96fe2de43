'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { HomeCluster } from '@/lib/console/cluster/home';
import type { RankedGroup } from '@/lib/console/cluster/summary';
import { useOverview } from '../api/overview';
import { RecentSearches } from '../favourites/RecentSearches';
import { Starred } from '../favourites/Starred';
import { formatCount } from '../format';
import { LagAge, LagNumber } from '../groups/badges';
import { paths } from '../paths';
import { Badge } from '../ui/Badge';
import { RefreshBar } from '../ui/RefreshBar';
import { ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

/** Every configured cluster side by side: brokers up or down, versions, total lag, the worst groups; links in. */
export function HomeView({ initial }: { initial?: { clusters: HomeCluster[]; asOf: number } }) {
  const t = useTranslations('home');
  const query = useOverview(initial);
  const data = query.data;
  return (
    <div>
      <div className="mb-4 flex justify-end">
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {!data && query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner label={t('reading')} />}
      {data && <Personal clusters={data.clusters.filter((c) => !c.refused).map((c) => c.name)} />}
      {data && (
        <div className="grid gap-5 2xl:grid-cols-2">
          {data.clusters.map((c) => (
            <ClusterCard key={c.name} cluster={c} />
          ))}
        </div>
      )}
    </div>
  );
}

/** What this user starred and searched for, before the clusters: where an operator starts the day. */
function Personal({ clusters }: { clusters: string[] }) {
  if (clusters.length === 0) return null;
  return (
    <div className="mb-5 space-y-5">
      <Starred clusters={clusters} />
      <RecentSearches clusters={clusters} showCluster={clusters.length > 1} />
    </div>
  );
}

function ClusterCard({ cluster: c }: { cluster: HomeCluster }) {
  const t = useTranslations('home');
  const healthy = c.brokers && c.brokers.down.length === 0 && !c.error;
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="home-cluster" data-cluster={c.name}>
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-4 py-2.5">
        <span className={`h-2.5 w-2.5 rounded-full ${c.refused ? 'bg-slate-300' : healthy ? 'bg-emerald-500' : 'bg-red-500'}`} aria-hidden="true" />
        {c.refused ? (
          <h2 className="text-base font-semibold text-slate-500">{c.name}</h2>
        ) : (
          <h2 className="text-base font-semibold">
            <Link href={paths.cluster(c.name)} className="text-blue-700 hover:underline">
              {c.name}
            </Link>
          </h2>
        )}
        {c.readOnly && <Badge tone="bg-slate-100 text-slate-600 ring-slate-300">{t('readOnly')}</Badge>}
        {c.brokers?.versions.map((v) => (
          <Badge key={v}>{v}</Badge>
        ))}
        <span className="ml-auto text-xs text-slate-500">
          {c.role ? t('you', { role: c.role }) : t('noRole')} · <span className="font-mono">{c.namesrvAddrs?.join(';')}</span>
        </span>
      </header>
      <div className="space-y-3 p-4 text-sm">
        {c.refused && <p className="text-slate-600" data-testid="home-refused">{c.refused}</p>}
        {c.error && <ErrorState title={t('unreachable')} message={c.error} />}
        {c.brokers && <Brokers brokers={c.brokers} cluster={c.name} />}
        {!c.refused && !c.error && <Lag cluster={c} />}
      </div>
    </section>
  );
}

function Brokers({ brokers, cluster }: { brokers: NonNullable<HomeCluster['brokers']>; cluster: string }) {
  const t = useTranslations('home');
  return (
    <div data-testid="home-brokers">
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <Figure label={t('brokersUp')} value={`${formatCount(brokers.up)} / ${formatCount(brokers.total)}`} tone={brokers.down.length ? 'text-red-700' : 'text-emerald-700'} testId="home-brokers-up" />
        <Figure label={t('masters')} value={formatCount(brokers.masters)} />
      </div>
      {brokers.down.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-red-800" data-testid="home-brokers-down">
          {brokers.down.map((b) => (
            <li key={b.addr}>
              <Link href={paths.broker(cluster, b.addr)} className="font-mono hover:underline">
                {b.brokerName} {b.addr}
              </Link>
              : {b.error}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Lag({ cluster: c }: { cluster: HomeCluster }) {
  const t = useTranslations('home');
  if (!c.lag) {
    return <p className="text-slate-500">{c.lagError ? t('lagFailed', { error: c.lagError }) : t('lagPending')}</p>;
  }
  const lag = c.lag;
  return (
    <div data-testid="home-lag">
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <Figure label={t('totalLag')} value={<LagNumber lag={lag.total} />} testId="home-total-lag" />
        <Figure label={t('laggingGroups')} value={`${formatCount(lag.laggingGroups)} / ${formatCount(lag.groups)}`} />
        <Figure label={t('onlineGroups')} value={formatCount(lag.onlineGroups)} />
        <span className="ml-auto self-end text-xs text-slate-500">
          {t('lagSnapshot')} <Timestamp ms={lag.asOf} />
          {lag.partial ? t('partial') : ''}
        </span>
      </div>
      {lag.laggingGroups > 0 && (
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <Worst title={t('worstByLag')} groups={lag.worstByLag} cluster={c.name} testId="home-worst-lag" />
          <Worst title={t('worstByAge')} groups={lag.worstByAge} cluster={c.name} testId="home-worst-age" />
        </div>
      )}
    </div>
  );
}

function Worst({ title, groups, cluster, testId }: { title: string; groups: RankedGroup[]; cluster: string; testId: string }) {
  const t = useTranslations('home');
  return (
    <table className="w-full table-fixed text-sm" data-testid={testId}>
      <caption className="pb-1 text-left text-xs uppercase tracking-wide text-slate-500">{title}</caption>
      <thead className="text-xs text-slate-500">
        <tr>
          <th className="w-[58%] py-1 text-left font-normal">{t('group')}</th>
          <th className="w-[17%] py-1 text-right font-normal">{t('lag')}</th>
          <th className="w-[25%] py-1 text-right font-normal">{t('oldestUnconsumed')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((g) => (
          <tr key={g.group}>
            <td className="truncate py-1 pr-2">
              <Link href={paths.group(cluster, g.group)} className="text-blue-700 hover:underline" title={g.group}>
                {g.group}
              </Link>
              {g.clients === 0 && <span className="ml-1 text-xs text-slate-400">{t('offline')}</span>}
            </td>
            <td className="num py-1">
              <LagNumber lag={g.lag} />
            </td>
            <td className="num py-1">
              <LagAge ms={g.lagAgeMs} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figure({ label, value, tone = '', testId }: { label: string; value: React.ReactNode; tone?: string; testId?: string }) {
  return (
    <div>
      <div className="text-xs uppercase tracking-wide text-slate-500">{label}</div>
      <div className={`text-lg font-semibold tabular-nums ${tone}`} data-testid={testId}>
        {value}
      </div>
    </div>
  );
}
