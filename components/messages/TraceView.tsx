'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { MessageTrace } from '@/lib/console/traces/trace';
import { useMessageTrace } from '../api/traces';
import { paths } from '../paths';
import { useCluster } from '../useCluster';
import { formatCount } from '../format';
import { Badge } from '../ui/Badge';
import { Card, EmptyState, ErrorState, PartialFailures } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { TrackBadge } from './GroupTracks';
import { TraceTimeline } from './TraceTimeline';

const th = 'px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-500';
const td = 'px-2 py-1.5';
const num = 'px-2 py-1.5 text-right tabular-nums';

function Status({ status }: { status: string }) {
  const tone = status === 'success' ? 'bg-green-50 text-green-800 ring-green-200' : status === 'failed' ? 'bg-red-50 text-red-800 ring-red-200' : 'bg-amber-50 text-amber-900 ring-amber-200';
  return <Badge tone={tone}>{status}</Badge>;
}

export function TraceView({ id, topic, initial, initialError }: { id: string; topic?: string; initial?: MessageTrace; initialError?: string }) {
  const tr = useTranslations('messages.trace');
  const cluster = useCluster();
  const query = useMessageTrace(cluster, id, topic, initial, !initialError);
  if (initialError) return <ErrorState title={tr('noTrace')} message={initialError} />;
  if (query.error && !query.data) return <ErrorState message={query.error.message} onRetry={() => query.refetch()} />;
  const t = query.data;
  if (!t) return <EmptyState title={tr('noTrace')} />;
  const { stored } = t;
  return (
    <div className="space-y-4">
      <PartialFailures failures={t.failures} />
      {t.recordCount === 0 && (
        <EmptyState title={tr('noRecordTitle')}>{tr('noRecordHint', { traceTopic: t.traceTopic })}</EmptyState>
      )}
      {t.recordCount > 0 && (
        <Card title={tr('timeline')} actions={<span className="text-xs text-slate-500">{tr('records', { count: formatCount(t.recordCount), traceTopic: t.traceTopic })}</span>}>
          <TraceTimeline trace={t} />
        </Card>
      )}
      <Card title={tr('send')} actions={<Link className="text-sm text-blue-700 hover:underline" href={paths.message(cluster, id, t.topic)}>{tr('messageLink')}</Link>}>
        {t.pubs.length === 0 ? (
          <EmptyState title={tr('noSendTitle')}>{tr('noSendHint')}</EmptyState>
        ) : (
          <table className="w-full text-sm" data-testid="trace-pub">
            <thead><tr className="border-b border-slate-200"><th className={th}>{tr('producerGroup')}</th><th className={th}>{tr('clientHost')}</th><th className={th}>{tr('sendTime')}</th><th className={`${th} text-right`}>{tr('costMs')}</th><th className={th}>{tr('status')}</th><th className={th}>{tr('type')}</th><th className={th}>{tr('storeHost')}</th><th className={th}>{tr('offsetMsgId')}</th></tr></thead>
            <tbody>
              {t.pubs.map((p, i) => (
                <tr key={i} className="border-b border-slate-100">
                  <td className={td}>{p.producerGroup}</td><td className={`${td} font-mono text-xs`}>{p.clientHost}</td><td className={td}><Timestamp ms={p.sendTime} /></td>
                  <td className={num}>{formatCount(p.costMs)}</td><td className={td}><Status status={p.status} /></td><td className={td}>{p.msgType}</td>
                  <td className={`${td} font-mono text-xs`}>{p.storeHost}</td><td className={`${td} font-mono text-xs`}>{p.offsetMsgId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {stored && (
          <p className="mt-2 text-sm text-slate-600">
            {tr.rich('storedOn', {
              brokerName: stored.brokerName,
              queueId: String(stored.queueId),
              queueOffset: formatCount(stored.queueOffset),
              num: (chunks) => <span className="tabular-nums">{chunks}</span>,
              time: () => <Timestamp ms={stored.storeTimestamp} />,
            })}
          </p>
        )}
        {t.transactions.map((x, i) => (
          <p key={i} className="mt-2 text-sm">
            {tr.rich('endTransaction', {
              producerGroup: x.producerGroup,
              state: x.transactionState,
              fromCheck: x.fromTransactionCheck ? tr('fromCheck') : '',
              badge: () => <Badge>{x.transactionState}</Badge>,
              time: () => <Timestamp ms={x.time} />,
            })}
          </p>
        ))}
      </Card>
      <Card title={tr('consumption')}>
        {t.groups.length === 0 && t.notConsumed.length === 0 && <EmptyState title={tr('noConsumer')} />}
        {t.groups.length > 0 && (
          <table className="w-full text-sm" data-testid="trace-consumes">
            <thead><tr className="border-b border-slate-200"><th className={th}>{tr('consumerGroup')}</th><th className={`${th} text-right`}>{tr('attempt')}</th><th className={th}>{tr('clientHost')}</th><th className={th}>{tr('began')}</th><th className={`${th} text-right`}>{tr('costMs')}</th><th className={th}>{tr('status')}</th><th className={th}>{tr('result')}</th></tr></thead>
            <tbody>
              {t.groups.flatMap((g) =>
                g.attempts.map((a, i) => (
                  <tr key={`${g.group}-${a.requestId}`} className="border-b border-slate-100" data-testid="trace-attempt">
                    <td className={td}>{i === 0 ? <Link className="text-blue-700 hover:underline" href={paths.group(cluster, g.group)}>{g.group}</Link> : ''}</td>
                    <td className={num}>{a.retryTimes === undefined ? '—' : a.retryTimes + 1}</td>
                    <td className={`${td} font-mono text-xs`}>{a.clientHost}</td>
                    <td className={td}><Timestamp ms={a.beginTime ?? a.endTime} /></td>
                    <td className={num}>{a.costMs === undefined ? '—' : formatCount(a.costMs)}</td>
                    <td className={td}><Status status={a.status} /></td>
                    <td className={td}>{a.result ?? ''}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        )}
        {t.notConsumed.length > 0 && (
          <div className="mt-4">
            <h3 className="mb-1 text-sm font-medium text-slate-700">{tr('notDelivered')}</h3>
            <ul className="space-y-1 text-sm" data-testid="trace-not-consumed">
              {t.notConsumed.map((g) => (
                <li key={g.group} className="flex items-center gap-2"><Link className="text-blue-700 hover:underline" href={paths.group(cluster, g.group)}>{g.group}</Link><TrackBadge track={g.trackType} /></li>
              ))}
            </ul>
          </div>
        )}
      </Card>
      {t.skipped.length > 0 && <p className="text-xs text-slate-500">{tr('skipped', { count: String(t.skipped.length) })}</p>}
    </div>
  );
}
