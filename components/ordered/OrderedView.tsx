'use client';

import Link from 'next/link';
import type { NamesrvOrderSetting, OrderedGroup, OrderedOverview, OrderedTopic } from '@/lib/console/ordered/overview';
import { useOrderedOverview } from '../api/ordered';
import { formatCount, formatDuration } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

/** Ordered topics, their consumers, and for orderly groups each queue's lock holder and whether it is stuck. */
export function OrderedView() {
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
        <EmptyState title="No ordered topic">
          A topic is ordered when the name server holds an order config for it (ORDER_TOPIC_CONFIG, written by updateTopic -o true or updateOrderConf), its
          5.x message.type is FIFO, or a broker flags it as ordered.
        </EmptyState>
      )}
      {data?.topics.map((t) => <TopicCard key={t.topic} topic={t} overview={data} />)}
    </div>
  );
}

function NamesrvSettings({ namesrvs }: { namesrvs: NamesrvOrderSetting[] }) {
  const off = namesrvs.filter((n) => n.orderMessageEnable === false);
  const unknown = namesrvs.filter((n) => n.orderMessageEnable === undefined);
  if (off.length === 0 && unknown.length === 0) {
    return (
      <p className="text-sm text-slate-600" data-testid="order-enabled">
        orderMessageEnable is on at every name server ({namesrvs.map((n) => n.addr).join(', ')}): topic routes carry the order config, so clients use its queue list.
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="order-disabled">
      {off.length > 0 && (
        <p>
          <b>orderMessageEnable is off</b> at {off.map((n) => n.addr).join(', ')}. Routes from {off.length === 1 ? 'it' : 'them'} carry no order config, so clients
          ignore the order configs below and use every queue the brokers list; messages stay in order per queue only when the producer picks the queue itself (a
          MessageQueueSelector). Turn it on in the namesrv configuration page.
        </p>
      )}
      {unknown.map((n) => (
        <p key={n.addr}>
          {n.addr}: orderMessageEnable unknown{n.error ? ` (${n.error})` : ''}.
        </p>
      ))}
    </div>
  );
}

function TopicCard({ topic, overview }: { topic: OrderedTopic; overview: OrderedOverview }) {
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
            <dt className="inline text-slate-500">Order config: </dt>
            <dd className="inline font-mono" data-testid="order-conf">{topic.orderConf ?? 'none'}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">message.type: </dt>
            <dd className="inline">{topic.messageType ?? '— (4.x, or not set)'}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">Broker order flag: </dt>
            <dd className="inline">{topic.orderFlag ? 'set' : 'not set'}</dd>
          </div>
          <div>
            <dt className="inline text-slate-500">On: </dt>
            <dd className="inline">{topic.brokers.join(', ') || 'no master'}</dd>
          </div>
        </dl>
        {topic.groups.length === 0 ? (
          <p className="border-t border-slate-200 px-4 py-2 text-sm text-slate-500">No consumer group has offsets on this topic.</p>
        ) : (
          topic.groups.map((g) => <GroupSection key={g.group} group={g} stuckAfterMs={overview.stuckAfterMs} />)
        )}
      </div>
    </Card>
  );
}

function orderlyText(g: OrderedGroup): string {
  if (g.clients === 0) return 'offline: how it consumes is known only while a client is online';
  if (g.orderly === undefined) return 'online, but no client answered';
  return g.orderly ? 'consumes orderly (its clients lock each queue on its master)' : 'consumes concurrently: this group does not keep the order';
}

function GroupSection({ group, stuckAfterMs }: { group: OrderedGroup; stuckAfterMs: number }) {
  const cluster = useCluster();
  const stuck = group.queues.filter((q) => q.stuck);
  return (
    <div className="border-t border-slate-200" data-testid={`ordered-group-${group.group}`}>
      <div className="flex flex-wrap items-baseline gap-x-6 gap-y-1 px-4 py-2 text-sm">
        <Link className="font-medium text-blue-700 hover:underline" href={paths.group(cluster, group.group)}>
          {group.group}
        </Link>
        <span data-testid="orderly">{orderlyText(group)}</span>
        <span>
          clients <b className="tabular-nums">{formatCount(group.clients)}</b>
        </span>
        <span>
          lag <b className="tabular-nums">{formatCount(group.lag)}</b>
        </span>
        {group.configOrderly !== undefined && <span className="text-slate-500">group config consumeMessageOrderly: {String(group.configOrderly)}</span>}
        {stuck.length > 0 && (
          <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800" data-testid="stuck-count">
            {stuck.length} stuck queue{stuck.length === 1 ? '' : 's'}
          </span>
        )}
        {group.error && <span className="text-red-700">{group.error}</span>}
      </div>
      {group.orderly && (
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-1.5">Broker</th>
              <th className="px-3 py-1.5 text-right">Queue</th>
              <th className="px-3 py-1.5 text-right">Consumer offset</th>
              <th className="px-3 py-1.5 text-right">Broker offset</th>
              <th className="px-3 py-1.5 text-right">Lag</th>
              <th className="px-3 py-1.5">Lock held by</th>
              <th className="px-3 py-1.5">Lock renewed</th>
              <th className="px-3 py-1.5">Progress</th>
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
                  {q.lockedBy.length === 0 ? <span className="font-sans text-amber-700">no client holds it: nobody consumes this queue</span> : q.lockedBy.join(', ')}
                </td>
                <td className="px-3 py-1">
                  <Timestamp ms={q.lockRenewedAt} compact />
                </td>
                <td className="px-3 py-1" data-testid="progress">
                  {q.stuck && q.stalledSince !== undefined ? (
                    <span className="font-medium text-red-700">
                      stuck: offset still since <Timestamp ms={q.stalledSince} compact />, lag {formatCount(q.lagAtStall)} → {formatCount(q.lag)}
                    </span>
                  ) : q.stalledSince !== undefined ? (
                    <span className="text-slate-600">not moved in the last snapshots</span>
                  ) : q.lag > 0 ? (
                    'moving'
                  ) : (
                    'caught up'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {group.orderly && (
        <p className="px-4 py-1.5 text-xs text-slate-500">
          Locks as the clients report them (a client takes or renews its queue locks every 20 s; the broker drops a lock after 60 s without renewal). A queue is stuck when it
          has lag and its consumer offset has not moved for {formatDuration(stuckAfterMs)}: usually a message its listener keeps suspending.
        </p>
      )}
    </div>
  );
}
