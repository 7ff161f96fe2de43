'use client';

import { useTranslations } from 'next-intl';
import type { Rebalance, RebalanceHistory } from '@/lib/console/groups/rebalances';
import { isNotFound } from '../api/client';
import { formatDuration } from '../format';
import { EmptyState, ErrorState } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';

/** "+1 −0 ⇄4": a marker's label on the lag chart (joined, left, queues moved). */
export function rebalanceLabel(r: Rebalance): string {
  return `+${r.joined.length} −${r.left.length} ⇄${r.moved.length}`;
}

/** "+1 joined · 1 left · 4 queues moved": what a marker on the lag chart says. */
export function rebalanceSummary(r: Rebalance, t: ReturnType<typeof useTranslations<'groups.rebalances'>>): string {
  const parts = [
    r.joined.length > 0 ? t('joined', { count: String(r.joined.length) }) : '',
    r.left.length > 0 ? t('left', { count: String(r.left.length) }) : '',
    r.moved.length > 0 ? t('moved', { count: r.moved.length }) : '',
  ];
  return parts.filter(Boolean).join(' · ') || t('changed');
}

const queueName = (m: Rebalance['moved'][number]) => `${m.topic} ${m.brokerName}/${m.queueId}`;

/**
 * The rebalances of the chart's range, newest first: when the sample saw it (and the sample before, the window it
 * happened in), the clients that joined and left, and each queue that moved from one client to another.
 */
export function RebalanceTable({ data, error }: { data: RebalanceHistory | undefined; error: Error | null }) {
  const t = useTranslations('groups.rebalances');
  const holder = (clientId: string | null) => clientId ?? t('nobody');
  // a group that does not exist: the page says so once, not again in every card
  if (isNotFound(error)) return null;
  if (error) return <ErrorState title={t('loadError')} message={error.message} />;
  if (!data) return null;
  const rows = [...data.rebalances].reverse();
  return (
    <section className="text-sm" data-testid="rebalances" aria-label={t('title')}>
      <h3 className="mb-1 font-medium text-slate-700">{t('title')}</h3>
      {data.truncated && <p className="mb-1 text-xs text-amber-700">{t('truncated')}</p>}
      {rows.length === 0 ? (
        <EmptyState title={t('none')}>{t('noneHint')}</EmptyState>
      ) : (
        <table className="w-full text-left">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-4">{t('seen')}</th>
              <th className="pr-4">{t('joinedColumn')}</th>
              <th className="pr-4">{t('leftColumn')}</th>
              <th>{t('queuesMoved')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.t} className="border-t border-slate-100 align-top" data-testid="rebalance-row">
                <td className="py-1.5 pr-4">
                  <Timestamp ms={r.t} />
                  <div className="text-xs text-slate-500">
                    {r.sinceT === null ? t('firstReading') : t('within', { duration: formatDuration(r.t - r.sinceT) })}
                  </div>
                </td>
                <td className="pr-4 font-mono text-xs" data-testid="rebalance-joined">
                  {r.joined.length > 0 ? r.joined.map((c) => <div key={c}>{c}</div>) : <span className="text-slate-400">—</span>}
                </td>
                <td className="pr-4 font-mono text-xs" data-testid="rebalance-left">
                  {r.left.length > 0 ? r.left.map((c) => <div key={c}>{c}</div>) : <span className="text-slate-400">—</span>}
                </td>
                <td data-testid="rebalance-moved">
                  {r.moved.length === 0 ? (
                    <span className="text-slate-400">—</span>
                  ) : (
                    <details>
                      <summary className="cursor-pointer">{r.moved.length}</summary>
                      <ul className="mt-1 font-mono text-xs">
                        {r.moved.map((m) => (
                          <li key={queueName(m)}>
                            {queueName(m)}: {holder(m.from)} → {holder(m.to)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
