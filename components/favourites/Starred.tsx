'use client';

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

/** The user's starred groups and topics on every cluster they may read: first on the home page. */
export function Starred({ clusters }: { clusters: string[] }) {
  const queries = useFavouritesOf(clusters);
  const loaded = clusters.flatMap((cluster, i) => (queries[i]?.data ? [{ cluster, data: queries[i]!.data! }] : []));
  const withStars = loaded.filter(({ data }) => data.groups.length + data.topics.length > 0);
  const failed = clusters.flatMap((cluster, i) => (queries[i]?.error ? [{ cluster, message: errorText(queries[i]!.error) }] : []));
  const loading = queries.some((q) => q.isPending);
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="starred" aria-labelledby="starred-title">
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 id="starred-title" className="text-base font-semibold">
          <span aria-hidden="true" className="text-amber-500">★</span> Starred
        </h2>
        <span className="text-xs text-slate-500">yours only</span>
      </header>
      <div className="space-y-4 p-4 text-sm">
        {failed.map((f) => (
          <ErrorState key={f.cluster} title={`Favourites of ${f.cluster} could not be read`} message={f.message} />
        ))}
        {loading && withStars.length === 0 && <Spinner label="Reading your favourites" />}
        {!loading && withStars.length === 0 && failed.length === 0 && (
          <p className="text-slate-500" data-testid="starred-empty">
            Star a topic or group to see it here: the ☆ next to its name on its page. Each shows its lag, the age of its oldest unconsumed message and its alerts.
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
  return (
    <div data-testid="starred-cluster" data-cluster={cluster} className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 className="font-semibold">
          <Link href={paths.cluster(cluster)} className="text-blue-700 hover:underline">{cluster}</Link>
        </h3>
        <span className="text-xs text-slate-500">
          {data.lagAsOf !== undefined ? (
            <>lag snapshot <Timestamp ms={data.lagAsOf} /></>
          ) : (
            `lag unknown: ${data.lagUnknown ?? 'no lag snapshot'}`
          )}
        </span>
      </div>
      {data.groups.length > 0 && <GroupTable cluster={cluster} groups={data.groups} />}
      {data.topics.length > 0 && <TopicTable cluster={cluster} topics={data.topics} />}
    </div>
  );
}

const th = 'px-2 py-1 font-normal';

function GroupTable({ cluster, groups }: { cluster: string; groups: StarredGroup[] }) {
  return (
    <table className="w-full text-sm" data-testid="starred-groups">
      <thead className="text-xs text-slate-500">
        <tr className="border-b border-slate-200">
          <th className={`${th} text-left`}>Consumer group</th>
          <th className={`${th} text-right`}>Lag (total)</th>
          <th className={`${th} text-right`}>Oldest unconsumed</th>
          <th className={`${th} text-right`}>Clients</th>
          <th className={`${th} text-right`}>Consume TPS</th>
          <th className={`${th} text-left`}>Alerts</th>
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
              {g.partial && <span className="ml-1 text-xs text-amber-700">partial</span>}
            </td>
            <td className="num px-2 py-1.5" data-testid="starred-lag-age" title={g.oldestUnconsumedTimestamp ? `oldest unconsumed message stored ${new Date(g.oldestUnconsumedTimestamp).toISOString()}` : g.lag === 0 ? 'nothing waits' : g.reason}>
              {g.lag === 0 ? <span className="text-emerald-700">caught up</span> : <LagAge ms={g.lagAgeMs} />}
            </td>
            <td className="num px-2 py-1.5">{g.clients === undefined ? <Unknown reason={g.reason} /> : g.clients === 0 ? <span className="text-red-700">offline</span> : formatCount(g.clients)}</td>
            <td className="num px-2 py-1.5">{g.consumeTps === undefined ? <Unknown reason={g.reason} /> : formatTps(g.consumeTps)}</td>
            <td className="px-2 py-1.5"><Alerts cluster={cluster} alerts={g.alerts} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TopicTable({ cluster, topics }: { cluster: string; topics: StarredTopic[] }) {
  return (
    <table className="w-full text-sm" data-testid="starred-topics">
      <thead className="text-xs text-slate-500">
        <tr className="border-b border-slate-200">
          <th className={`${th} text-left`}>Topic</th>
          <th className={`${th} text-right`}>Messages kept</th>
          <th className={`${th} text-right`}>Last write</th>
          <th className={`${th} text-right`}>Consumer lag</th>
          <th className={`${th} text-right`}>Oldest unconsumed</th>
          <th className={`${th} text-left`}>Alerts (consuming groups)</th>
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
              {t.messages === undefined ? <Unknown reason={t.reason ?? 'the background topic stats are not built yet'} /> : formatCount(t.messages)}
              {t.statsPartial && <span className="ml-1 text-xs text-amber-700" title="a broker holding some of its queues did not answer">partial</span>}
            </td>
            <td className="num px-2 py-1.5">{t.lastUpdateTimestamp === undefined ? <Unknown reason={t.reason ?? 'no message stored, or not read yet'} /> : <Timestamp ms={t.lastUpdateTimestamp} compact />}</td>
            <td className="num px-2 py-1.5" title={t.groups !== undefined ? `${t.groups} consuming group${t.groups === 1 ? '' : 's'}, on this topic's queues` : t.reason}>
              {t.lag === undefined ? <Unknown reason={t.reason} /> : <>{t.groups === 0 ? <span className="text-slate-400">no group</span> : <LagNumber lag={t.lag} />}</>}
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
  if (status === 'found') return null;
  return status === 'missing' ? (
    <span data-testid="starred-missing"><Badge tone="bg-red-50 text-red-700 ring-red-200" title={reason}>missing</Badge></span>
  ) : (
    <Badge tone="bg-slate-100 text-slate-600 ring-slate-200" title={reason}>unknown</Badge>
  );
}

function Unknown({ reason }: { reason?: string }) {
  return <span className="text-slate-400" title={reason ?? 'unknown'}>—</span>;
}

const SEVERITY_TONE: Record<string, string> = { critical: 'bg-red-50 text-red-700 ring-red-200', warning: 'bg-amber-50 text-amber-800 ring-amber-200' };

function Alerts({ cluster, alerts }: { cluster: string; alerts: StarredAlert[] }) {
  if (alerts.length === 0) return <span className="text-xs text-slate-400" data-testid="starred-alerts">none firing</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="starred-alerts">
      {alerts.map((a) => (
        <Link key={`${a.ruleId} ${a.subject}`} href={paths.alerts(cluster)} title={`${a.ruleName} on ${a.subject}: ${a.phase}${a.silenced ? ', silenced' : ''}`}>
          <Badge tone={a.phase === 'firing' ? SEVERITY_TONE[a.severity] ?? 'bg-blue-50 text-blue-700 ring-blue-200' : 'bg-slate-100 text-slate-600 ring-slate-200'}>
            {`${a.phase === 'pending' ? 'pending: ' : ''}${a.ruleName}${a.silenced ? ' (silenced)' : ''}`}
          </Badge>
        </Link>
      ))}
    </span>
  );
}
