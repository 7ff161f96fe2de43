'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { Favourites } from '@/lib/console/favourites/favourites';
import type { StarredAlert, StarredGroup, StarredTopic } from '@/lib/console/favourites/view';
import { errorText } from '../api/client';
import { useFavouritesOf } from '../api/favourites';
import { formatCount, formatTps } from '../format';
import { LagAge, LagNumber } from '../groups/badges';
import { paths } from '../paths';
import { Badge } from '../ui/Badge';
import { ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { StarButton } from './StarButton';
import { useSaid } from '../ui/said';

/** The user's starred groups and topics on every cluster they may read: first on the home page. */
export function Starred({ clusters }: { clusters: string[] }) {
  const t = useTranslations('favourites.starred');
  const queries = useFavouritesOf(clusters);
  const loaded = clusters.flatMap((cluster, i) => (queries[i]?.data ? [{ cluster, data: queries[i]!.data! }] : []));
  const withStars = loaded.filter(({ data }) => data.groups.length + data.topics.length > 0);
  const failed = clusters.flatMap((cluster, i) => (queries[i]?.error ? [{ cluster, message: errorText(queries[i]!.error) }] : []));
  const loading = queries.some((q) => q.isPending);
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="starred" aria-labelledby="starred-title">
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 id="starred-title" className="text-base font-semibold">
          <span aria-hidden="true" className="text-amber-500">★</span> {t('title')}
        </h2>
        <span className="text-xs text-slate-500">{t('yoursOnly')}</span>
      </header>
      <div className="space-y-4 p-4 text-sm">
        {failed.map((f) => (
          <ErrorState key={f.cluster} title={t('couldNotRead', { cluster: f.cluster })} message={f.message} />
        ))}
        {loading && withStars.length === 0 && <Spinner label={t('reading')} />}
        {!loading && withStars.length === 0 && failed.length === 0 && (
          <p className="text-slate-500" data-testid="starred-empty">
            {t('empty')}
          </p>
        )}
        {withStars.map(({ cluster, data }) => (
          <ClusterStars key={cluster} cluster={cluster} data={data} />
        ))}
      </div>
    </section>
  );
}

function ClusterStars({ cluster, data }: { cluster: string; data: Favourites }) {
  const t = useTranslations('favourites.starred');
  const said = useSaid();
  // the server's reasons in the page's language (the API keeps them in English)
  const local = <T extends { reason?: string }>(x: T): T => (x.reason === undefined ? x : { ...x, reason: said(x.reason, data.said?.[x.reason]) });
  const groups = data.groups.map(local);
  const topics = data.topics.map(local);
  return (
    <div data-testid="starred-cluster" data-cluster={cluster} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold">
          <Link href={paths.cluster(cluster)} className="text-blue-700 hover:underline">{cluster}</Link>
        </h3>
        <span className="text-xs text-slate-500">
          {data.lagAsOf !== undefined ? (
            <>{t('lagSnapshot')} <Timestamp ms={data.lagAsOf} /></>
          ) : (
            t('lagUnknown', { reason: data.lagUnknown ? said(data.lagUnknown, data.said?.[data.lagUnknown]) : t('noLagSnapshot') })
          )}
        </span>
      </div>
      {groups.length > 0 && <GroupTable cluster={cluster} groups={groups} />}
      {topics.length > 0 && <TopicTable cluster={cluster} topics={topics} />}
    </div>
  );
}

const th = 'px-2 py-1 font-normal';

function GroupTable({ cluster, groups }: { cluster: string; groups: StarredGroup[] }) {
  const t = useTranslations('favourites.starred');
  return (
    <table className="w-full text-sm" data-testid="starred-groups">
      <thead className="text-xs text-slate-500">
        <tr className="border-b border-slate-200">
          <th className={`${th} text-left`}>{t('group')}</th>
          <th className={`${th} text-right`}>{t('lagTotal')}</th>
          <th className={`${th} text-right`}>{t('oldestUnconsumed')}</th>
          <th className={`${th} text-right`}>{t('clients')}</th>
          <th className={`${th} text-right`}>{t('consumeTps')}</th>
          <th className={`${th} text-left`}>{t('alerts')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {groups.map((g) => (
          <tr key={g.name} data-testid="starred-group" data-group={g.name}>
            <td className="px-2 py-1.5">
              <span className="flex items-center gap-1">
                <StarButton cluster={cluster} kind="group" name={g.name} size="sm" />
                <Link href={paths.group(cluster, g.name)} className="font-mono text-blue-700 hover:underline">{g.name}</Link>
                <Status status={g.status} reason={g.reason} />
              </span>
            </td>
            <td className="num px-2 py-1.5" data-testid="starred-lag" title={g.lag === undefined ? g.reason : g.partial ? g.reason : undefined}>
              <LagNumber lag={g.lag} />
              {g.partial && <span className="ml-1 text-xs text-amber-700">{t('partial')}</span>}
            </td>
            <td className="num px-2 py-1.5" data-testid="starred-lag-age" title={g.oldestUnconsumedTimestamp ? t('oldestStored', { time: new Date(g.oldestUnconsumedTimestamp).toISOString() }) : g.lag === 0 ? t('nothingWaits') : g.reason}>
              {g.lag === 0 ? <span className="text-emerald-700">{t('caughtUp')}</span> : <LagAge ms={g.lagAgeMs} />}
            </td>
            <td className="num px-2 py-1.5">{g.clients === undefined ? <Unknown reason={g.reason} /> : g.clients === 0 ? <span className="text-red-700">{t('offline')}</span> : formatCount(g.clients)}</td>
            <td className="num px-2 py-1.5">{g.consumeTps === undefined ? <Unknown reason={g.reason} /> : formatTps(g.consumeTps)}</td>
            <td className="px-2 py-1.5"><Alerts cluster={cluster} alerts={g.alerts} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TopicTable({ cluster, topics }: { cluster: string; topics: StarredTopic[] }) {
  const tr = useTranslations('favourites.starred');
  return (
    <table className="w-full text-sm" data-testid="starred-topics">
      <thead className="text-xs text-slate-500">
        <tr className="border-b border-slate-200">
          <th className={`${th} text-left`}>{tr('topic')}</th>
          <th className={`${th} text-right`}>{tr('messagesKept')}</th>
          <th className={`${th} text-right`}>{tr('lastWrite')}</th>
          <th className={`${th} text-right`}>{tr('consumerLag')}</th>
          <th className={`${th} text-right`}>{tr('oldestUnconsumed')}</th>
          <th className={`${th} text-left`}>{tr('alertsOfGroups')}</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {topics.map((t) => (
          <tr key={t.name} data-testid="starred-topic" data-topic={t.name}>
            <td className="px-2 py-1.5">
              <span className="flex items-center gap-1">
                <StarButton cluster={cluster} kind="topic" name={t.name} size="sm" />
                <Link href={paths.topic(cluster, t.name)} className="font-mono text-blue-700 hover:underline">{t.name}</Link>
                {t.type && t.type !== 'NORMAL' && <Badge>{t.type}</Badge>}
                <Status status={t.status} reason={t.reason} />
              </span>
            </td>
            <td className="num px-2 py-1.5" data-testid="starred-messages">
              {t.messages === undefined ? <Unknown reason={t.reason ?? tr('statsNotBuilt')} /> : formatCount(t.messages)}
              {t.statsPartial && <span className="ml-1 text-xs text-amber-700" title={tr('brokerPartial')}>{tr('partial')}</span>}
            </td>
            <td className="num px-2 py-1.5">{t.lastUpdateTimestamp === undefined ? <Unknown reason={t.reason ?? tr('noMessage')} /> : <Timestamp ms={t.lastUpdateTimestamp} compact />}</td>
            <td className="num px-2 py-1.5" title={t.groups !== undefined ? tr('consumingGroups', { count: t.groups }) : t.reason}>
              {t.lag === undefined ? <Unknown reason={t.reason} /> : <>{t.groups === 0 ? <span className="text-slate-400">{tr('noGroup')}</span> : <LagNumber lag={t.lag} />}</>}
            </td>
            <td className="num px-2 py-1.5">{t.lag === 0 || t.groups === 0 ? <span className="text-slate-400">—</span> : <LagAge ms={t.lagAgeMs} />}</td>
            <td className="px-2 py-1.5"><Alerts cluster={cluster} alerts={t.alerts} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Status({ status, reason }: { status: StarredGroup['status']; reason?: string }) {
  const t = useTranslations('favourites.starred');
  if (status === 'found') return null;
  return status === 'missing' ? (
    <span data-testid="starred-missing"><Badge tone="bg-red-50 text-red-700 ring-red-200" title={reason}>{t('missing')}</Badge></span>
  ) : (
    <Badge tone="bg-slate-100 text-slate-600 ring-slate-200" title={reason}>{t('unknown')}</Badge>
  );
}

function Unknown({ reason }: { reason?: string }) {
  const t = useTranslations('favourites.starred');
  return <span className="text-slate-400" title={reason ?? t('unknown')}>—</span>;
}

const SEVERITY_TONE: Record<string, string> = { critical: 'bg-red-50 text-red-700 ring-red-200', warning: 'bg-amber-50 text-amber-800 ring-amber-200' };

function Alerts({ cluster, alerts }: { cluster: string; alerts: StarredAlert[] }) {
  const t = useTranslations('favourites.starred');
  if (alerts.length === 0) return <span className="text-xs text-slate-400" data-testid="starred-alerts">{t('noneFiring')}</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="starred-alerts">
      {alerts.map((a) => (
        <Link key={`${a.ruleId} ${a.subject}`} href={paths.alerts(cluster)} title={t(a.silenced ? 'alertTitleSilenced' : 'alertTitle', { rule: a.ruleName, subject: a.subject, phase: a.phase })}>
          <Badge tone={a.phase === 'firing' ? SEVERITY_TONE[a.severity] ?? 'bg-blue-50 text-blue-700 ring-blue-200' : 'bg-slate-100 text-slate-600 ring-slate-200'}>
            {`${a.phase === 'pending' ? t('pendingPrefix') : ''}${a.ruleName}${a.silenced ? t('silencedSuffix') : ''}`}
          </Badge>
        </Link>
      ))}
    </span>
  );
}
