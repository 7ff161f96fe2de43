'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { NamesrvOrderSetting, OrderedGroup, OrderedOverview, OrderedTopic } from '@/lib/console/ordered/overview';
import { useOrderedOverview } from '../api/ordered';
import { formatCount, formatDuration } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

type T = ReturnType<typeof useTranslations<'ordered'>>;

const bold = (chunks: ReactNode) => <b className="tabular-nums">{chunks}</b>;

/** Ordered topics, their consumers, and for orderly groups each queue's lock holder and whether it is stuck. */
export function OrderedView() {
  const t = useTranslations('ordered');
  const cluster = useCluster();
  const query = useOrderedOverview(cluster);
  const data = query.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-end">
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && <NamesrvSettings namesrvs={data.namesrvs} />}
      {data && data.topics.length === 0 && (
        <EmptyState title={t('view.noTopic')}>{t('view.noTopicHelp')}</EmptyState>
      )}
      {data?.topics.map((topic) => <TopicCard key={topic.topic} topic={topic} overview={data} />)}
    </div>
  );
}

function NamesrvSettings({ namesrvs }: { namesrvs: NamesrvOrderSetting[] }) {
  const t = useTranslations('ordered');
  const off = namesrvs.filter((n) => n.orderMessageEnable === false);
  const unknown = namesrvs.filter((n) => n.orderMessageEnable === undefined);
  if (off.length === 0 && unknown.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="order-enabled">
        {t('namesrv.allOn', { addrs: namesrvs.map((n) => n.addr).join(', ') })}
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="order-disabled">
      {off.length > 0 && (
        <p>
          {t.rich('namesrv.off', { addrs: off.map((n) => n.addr).join(', '), count: off.length, b: (chunks) => <b>{chunks}</b> })}
        </p>
      )}
      {unknown.map((n) => (
        <p key={n.addr}>
          {n.error ? t('namesrv.unknownWithError', { addr: n.addr, error: n.error }) : t('namesrv.unknown', { addr: n.addr })}
        </p>
      ))}
    </div>
  );
}

function TopicCard({ topic, overview }: { topic: OrderedTopic; overview: OrderedOverview }) {
  const t = useTranslations('ordered');
  const cluster = useCluster();
  return (
    <Card
      title={
        <Link className="text-blue-700 hover:underline" href={paths.topic(cluster, topic.topic)}>
          {topic.topic}
        </Link>
      }
    >
      <div data-testid={`ordered-topic-${topic.topic}`}>
        <dl className="flex flex-wrap gap-x-8 gap-y-1 px-4 py-2 text-sm">
          <div>
            <dt className="inline text-slate-500">{t('topic.orderConf')} </dt>
            <dd className="inline font-mono" data-testid="order-conf">{topic.orderConf ?? t('topic.none')}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">message.type: </dt>
            <dd className="inline">{topic.messageType ?? t('topic.messageTypeUnset')}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t('topic.orderFlag')} </dt>
            <dd className="inline">{topic.orderFlag ? t('topic.set') : t('topic.notSet')}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">{t('topic.on')} </dt>
            <dd className="inline">{topic.brokers.join(', ') || t('topic.noMaster')}</dd>
          </div>
        </dl>
        {topic.groups.length === 0 ? (
          <p className="border-t border-slate-200 px-4 py-2 text-sm text-slate-500">{t('topic.noGroups')}</p>
        ) : (
          topic.groups.map((g) => <GroupSection key={g.group} group={g} stuckAfterMs={overview.stuckAfterMs} />)
        )}
      </div>
    </Card>
  );
}

function orderlyText(g: OrderedGroup, t: T): string {
  if (g.clients === 0) return t('group.offline');
  if (g.orderly === undefined) return t('group.noAnswer');
  return g.orderly ? t('group.orderly') : t('group.concurrently');
}

function GroupSection({ group, stuckAfterMs }: { group: OrderedGroup; stuckAfterMs: number }) {
  const t = useTranslations('ordered');
  const cluster = useCluster();
  const stuck = group.queues.filter((q) => q.stuck);
  return (
    <div className="border-t border-slate-200" data-testid={`ordered-group-${group.group}`}>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 px-4 py-2 text-sm">
        <Link className="font-medium text-blue-700 hover:underline" href={paths.group(cluster, group.group)}>
          {group.group}
        </Link>
        <span data-testid="orderly">{orderlyText(group, t)}</span>
        <span>{t.rich('group.clients', { count: formatCount(group.clients), b: bold })}</span>
        <span>{t.rich('group.lag', { count: formatCount(group.lag), b: bold })}</span>
        {group.configOrderly !== undefined && <span className="text-slate-500">{t('group.configOrderly', { value: String(group.configOrderly) })}</span>}
        {stuck.length > 0 && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="stuck-count">
            {t('group.stuckQueues', { count: stuck.length })}
          </span>
        )}
        {group.error && <span className="text-red-700">{group.error}</span>}
      </div>
      {group.orderly && (
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5">{t('group.broker')}</th>
              <th className="px-3 py-1.5 text-right">{t('group.queue')}</th>
              <th className="px-3 py-1.5 text-right">{t('group.consumerOffset')}</th>
              <th className="px-3 py-1.5 text-right">{t('group.brokerOffset')}</th>
              <th className="px-3 py-1.5 text-right">{t('group.lagHeader')}</th>
              <th className="px-3 py-1.5">{t('group.lockHeldBy')}</th>
              <th className="px-3 py-1.5">{t('group.lockRenewed')}</th>
              <th className="px-3 py-1.5">{t('group.progress')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {group.queues.map((q) => (
              <tr key={`${q.brokerName}-${q.queueId}`} data-testid="ordered-queue" data-stuck={q.stuck} className={q.stuck ? 'bg-red-50' : ''}>
                <td className="px-3 py-1">{q.brokerName}</td>
                <td className="num px-3 py-1">{q.queueId}</td>
                <td className="num px-3 py-1">{formatCount(q.consumerOffset)}</td>
                <td className="num px-3 py-1">{formatCount(q.brokerOffset)}</td>
                <td className="num px-3 py-1 font-medium">{formatCount(q.lag)}</td>
                <td className="px-3 py-1 font-mono text-xs" data-testid="lock-holder">
                  {q.lockedBy.length === 0 ? <span className="font-sans text-amber-700">{t('group.noLockHolder')}</span> : q.lockedBy.join(', ')}
                </td>
                <td className="px-3 py-1">
                  <Timestamp ms={q.lockRenewedAt} compact />
                </td>
                <td className="px-3 py-1" data-testid="progress">
                  {q.stuck && q.stalledSince !== undefined ? (
                    <span className="font-medium text-red-700">
                      {t.rich('group.stuck', { before: formatCount(q.lagAtStall), now: formatCount(q.lag), time: () => <Timestamp ms={q.stalledSince!} compact /> })}
                    </span>
                  ) : q.stalledSince !== undefined ? (
                    <span className="text-slate-600">{t('group.notMoved')}</span>
                  ) : q.lag > 0 ? (
                    t('group.moving')
                  ) : (
                    t('group.caughtUp')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {group.orderly && (
        <p className="px-4 py-1.5 text-xs text-slate-500">
          {t('group.locksNote', { duration: formatDuration(stuckAfterMs) })}
        </p>
      )}
    </div>
  );
}
