'use client';

import Link from 'next/link';
import type { BrokerSchedule } from '@/lib/console/scheduled/overview';
import { useScheduleOverview } from '../api/scheduled';
import { formatCount, formatTps } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

/** Delayed messages on every master: delay levels (4.x and 5.x) and the 5.x timer wheel. */
export function ScheduleView() {
  const cluster = useCluster();
  const query = useScheduleOverview(cluster);
  const data = query.data;
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-end">
        <RefreshBar asOf={data?.asOf} fetching={query.isFetching} onRefresh={() => void query.refetch()} />
      </div>
      {data && <PartialFailures failures={data.failures} />}
      {query.error && <ErrorState message={query.error.message} onRetry={() => void query.refetch()} />}
      {!data && !query.error && <Spinner />}
      {data && data.brokers.length === 0 && data.failures.length === 0 && <EmptyState title="No master is registered with the name server" />}
      {data?.brokers.map((b) => <BrokerCard key={b.addr} broker={b} />)}
    </div>
  );
}

function BrokerCard({ broker }: { broker: BrokerSchedule }) {
  const cluster = useCluster();
  const used = broker.levels.filter((l) => l.maxOffset !== undefined || l.waiting > 0);
  return (
    <Card title={`${broker.brokerName} (${broker.addr}): ${formatCount(broker.waiting)} delayed message${broker.waiting === 1 ? '' : 's'} waiting`}>
      <div data-testid={`schedule-${broker.brokerName}`}>
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2 text-right">Level</th>
              <th className="px-3 py-2 text-right">Delay</th>
              <th className="px-3 py-2 text-right">Waiting</th>
              <th className="px-3 py-2 text-right">Delivered offset</th>
              <th className="px-3 py-2 text-right">Stored offset</th>
              <th className="px-3 py-2">Next due</th>
              <th className="px-3 py-2">Its topic</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {broker.levels.map((l) => (
              <tr key={l.level} data-testid="delay-level" className={l.maxOffset === undefined ? 'text-slate-400' : ''}>
                <td className="num px-3 py-1.5">{l.level}</td>
                <td className="num px-3 py-1.5">{l.delay}</td>
                <td className="num px-3 py-1.5 font-medium">{l.maxOffset === undefined ? <span title="no message used this level since the broker started">—</span> : formatCount(l.waiting)}</td>
                <td className="num px-3 py-1.5">{l.deliveredOffset === undefined ? '—' : formatCount(l.deliveredOffset)}</td>
                <td className="num px-3 py-1.5">{l.maxOffset === undefined ? '—' : formatCount(l.maxOffset)}</td>
                <td className="whitespace-nowrap px-3 py-1.5">{l.next ? <Timestamp ms={l.next.dueAt} /> : l.waiting > 0 ? 'unknown' : '—'}</td>
                <td className="px-3 py-1.5">
                  {l.next ? (
                    <Link className="text-blue-700 hover:underline" href={paths.message(cluster, l.next.msgId, l.next.realTopic)}>
                      {l.next.realTopic}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-500">
          {used.length} of {broker.levels.length} levels have held a message (levels come from its messageDelayLevel; a message at level L waits in queue L-1 of SCHEDULE_TOPIC_XXXX).
        </p>
        <TimerWheel broker={broker} />
      </div>
    </Card>
  );
}

function TimerWheel({ broker }: { broker: BrokerSchedule }) {
  const cluster = useCluster();
  const t = broker.timer;
  if (!t) return <p className="border-t border-slate-200 px-3 py-2 text-sm text-slate-600" data-testid="timer-unavailable">Timer wheel: {broker.timerUnavailable}.</p>;
  return (
    <div className="border-t border-slate-200 px-3 py-2 text-sm" data-testid="timer-wheel">
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <span>Timer wheel: delivery behind <b className="tabular-nums">{formatCount(t.readBehindSeconds)} s</b></span>
        <span>not yet in the wheel <b className="tabular-nums">{formatCount(t.offsetBehind)}</b></span>
        <span>congestion <b className="tabular-nums">{formatCount(t.congestion)}</b></span>
        <span>in <b className="tabular-nums">{formatTps(t.enqueueTps)}</b>/s, out <b className="tabular-nums">{formatTps(t.dequeueTps)}</b>/s</span>
      </div>
      {t.topics.length === 0 ? (
        <p className="mt-1 text-slate-500">No timer message is pending.</p>
      ) : (
        <table className="mt-2 text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="pr-6">Topic</th><th className="pr-6 text-right">Pending timer messages</th></tr>
          </thead>
          <tbody>
            {t.topics.map((p) => (
              <tr key={p.topic} data-testid="timer-topic">
                <td className="pr-6"><Link className="text-blue-700 hover:underline" href={paths.topic(cluster, p.topic)}>{p.topic}</Link></td>
                <td className="num pr-6">{formatCount(p.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
