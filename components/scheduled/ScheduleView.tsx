'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { BrokerSchedule } from '@/lib/console/scheduled/overview';
import { useScheduleOverview } from '../api/scheduled';
import { formatCount, formatTps } from '../format';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { RefreshBar } from '../ui/RefreshBar';
import { Timestamp } from '../ui/Timestamp';
import { Card, EmptyState, ErrorState, PartialFailures, Spinner } from '../ui/states';

const bold = (chunks: ReactNode) => <b className="tabular-nums">{chunks}</b>;

/** Delayed messages on every master: delay levels (4.x and 5.x) and the 5.x timer wheel. */
export function ScheduleView() {
  const t = useTranslations('scheduled');
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
      {data && data.brokers.length === 0 && data.failures.length === 0 && <EmptyState title={t('view.noMasters')} />}
      {data?.brokers.map((b) => <BrokerCard key={b.addr} broker={b} />)}
    </div>
  );
}

function BrokerCard({ broker }: { broker: BrokerSchedule }) {
  const t = useTranslations('scheduled');
  const cluster = useCluster();
  const used = broker.levels.filter((l) => l.maxOffset !== undefined || l.waiting > 0);
  return (
    <Card title={t('broker.title', { brokerName: broker.brokerName, addr: broker.addr, count: broker.waiting, waiting: formatCount(broker.waiting) })}>
      <div data-testid={`schedule-${broker.brokerName}`}>
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-3 py-2 text-right">{t('broker.level')}</th>
              <th className="px-3 py-2 text-right">{t('broker.delay')}</th>
              <th className="px-3 py-2 text-right">{t('broker.waiting')}</th>
              <th className="px-3 py-2 text-right">{t('broker.deliveredOffset')}</th>
              <th className="px-3 py-2 text-right">{t('broker.storedOffset')}</th>
              <th className="px-3 py-2">{t('broker.nextDue')}</th>
              <th className="px-3 py-2">{t('broker.itsTopic')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {broker.levels.map((l) => (
              <tr key={l.level} data-testid="delay-level" className={l.maxOffset === undefined ? 'text-slate-400' : ''}>
                <td className="num px-3 py-1.5">{l.level}</td>
                <td className="num px-3 py-1.5">{l.delay}</td>
                <td className="num px-3 py-1.5 font-medium">{l.maxOffset === undefined ? <span title={t('broker.levelUnused')}>—</span> : formatCount(l.waiting)}</td>
                <td className="num px-3 py-1.5">{l.deliveredOffset === undefined ? '—' : formatCount(l.deliveredOffset)}</td>
                <td className="num px-3 py-1.5">{l.maxOffset === undefined ? '—' : formatCount(l.maxOffset)}</td>
                <td className="whitespace-nowrap px-3 py-1.5">{l.next ? <Timestamp ms={l.next.dueAt} /> : l.waiting > 0 ? t('broker.unknown') : '—'}</td>
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
          {t('broker.levelsNote', { used: used.length, total: broker.levels.length })}
        </p>
        <TimerWheel broker={broker} />
      </div>
    </Card>
  );
}

function TimerWheel({ broker }: { broker: BrokerSchedule }) {
  const t = useTranslations('scheduled');
  const cluster = useCluster();
  const timer = broker.timer;
  if (!timer) return <p className="border-t border-slate-200 px-3 py-2 text-sm text-slate-600" data-testid="timer-unavailable">{t('timer.unavailable', { reason: broker.timerUnavailable ?? '' })}</p>;
  return (
    <div className="border-t border-slate-200 px-3 py-2 text-sm" data-testid="timer-wheel">
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <span>{t.rich('timer.deliveryBehind', { seconds: formatCount(timer.readBehindSeconds), b: bold })}</span>
        <span>{t.rich('timer.notInWheel', { count: formatCount(timer.offsetBehind), b: bold })}</span>
        <span>{t.rich('timer.congestion', { count: formatCount(timer.congestion), b: bold })}</span>
        <span>{t.rich('timer.rates', { enqueue: formatTps(timer.enqueueTps), dequeue: formatTps(timer.dequeueTps), b: bold })}</span>
      </div>
      {timer.topics.length === 0 ? (
        <p className="mt-1 text-slate-500">{t('timer.noPending')}</p>
      ) : (
        <table className="mt-2 text-sm">
          <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
            <tr><th className="pr-6">{t('timer.topic')}</th><th className="pr-6 text-right">{t('timer.pending')}</th></tr>
          </thead>
          <tbody>
            {timer.topics.map((p) => (
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
