'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { isNotFound } from '../api/client';
import { useLagHistory, useRebalances } from '../api/groups';
import { useCluster } from '../useCluster';
import { formatCount } from '../format';
import { EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { RebalanceTable } from './Rebalances';

// recharts (~120 KB compressed, as much as the rest of the page) is fetched only when there is a history to draw, after
// the page's numbers are on screen; the box keeps its height meanwhile, so nothing below it moves
const LagLines = dynamic(() => import('./LagLines'), { ssr: false, loading: () => <ChartLoading /> });

function ChartLoading() {
  const t = useTranslations('groups.chart');
  return <Spinner label={t('loadingChart')} />;
}

const RANGES = ['1h', '6h', '24h', '7d'] as const;
const RANGE_KEYS = { '1h': 'range1h', '6h': 'range6h', '24h': 'range24h', '7d': 'range7d' } as const;

function tick(t: number, range: string): string {
  const d = new Date(t);
  const hm = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  return range === '7d' ? `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${hm}` : hm;
}

const RANGE_MS: Readonly<Record<(typeof RANGES)[number], number>> = { '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };

/** The shortest range that still shows `at` (an alert's firing, from a notification's link). */
function rangeShowing(at: number | undefined): (typeof RANGES)[number] {
  if (at === undefined) return '1h';
  const ago = Date.now() - at;
  return RANGES.find((r) => ago < RANGE_MS[r] * 0.9) ?? '7d';
}

/**
 * Lag over time from the history the sampler wrote: the total as a step line, optionally every queue. `marker` (an
 * alert's firing time, when the page was opened from a notification) is drawn as a line, the range chosen to show it.
 * Each rebalance (clients joined or left, queues moved) is an amber line, so a lag spike reads against its cause;
 * the tooltip names the rebalances near the hovered time and the table under the chart lists them all.
 */
export function LagChart({ group, marker }: { group: string; marker?: { at: number; label: string } }) {
  const t = useTranslations('groups.chart');
  const [range, setRange] = useState<(typeof RANGES)[number]>(() => rangeShowing(marker?.at));
  const [perQueue, setPerQueue] = useState(false);
  const cluster = useCluster();
  const query = useLagHistory(cluster, group, range);
  const rebalances = useRebalances(cluster, group, range);
  const data = query.data;
  const shown = useMemo(() => (data ? (rebalances.data?.rebalances ?? []).filter((r) => r.t >= data.from && r.t <= data.to) : []), [data, rebalances.data]);
  // the hovered time snaps to lag points, which a rebalance rarely falls on: name those within 1/60 of the range
  const near = (t: number) => shown.filter((r) => Math.abs(r.t - t) <= RANGE_MS[range] / 60);
  // steps: a value holds until the next point; the last one holds until now
  const total = useMemo(() => {
    if (!data) return [];
    const pts = data.points.map((p) => ({ t: Math.max(p.t, data.from), lag: p.lag }));
    const last = pts.at(-1);
    return last ? [...pts, { t: data.to, lag: last.lag }] : [];
  }, [data]);
  const queues = useMemo(
    () =>
      (data?.queues ?? []).map((q) => {
        const pts = q.points.map((p) => ({ t: Math.max(p.t, data!.from), lag: p.lag }));
        const last = pts.at(-1);
        return { name: `${q.topic} ${q.brokerName}/${q.queueId}`, points: last ? [...pts, { t: data!.to, lag: last.lag }] : [] };
      }),
    [data],
  );
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-2 px-4 pt-3">
        <div role="group" aria-label={t('range')} className="inline-flex overflow-hidden rounded border border-slate-300 text-sm">
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              onClick={() => setRange(r)}
              aria-pressed={range === r}
              className={`px-2.5 py-1 ${range === r ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {t(RANGE_KEYS[r])}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={perQueue} onChange={(e) => setPerQueue(e.target.checked)} className="accent-slate-700" />
          {t('perQueue')}
        </label>
      </div>
      {query.error && !isNotFound(query.error) && <div className="p-4"><ErrorState message={query.error.message} /></div>}
      {!data && !query.error && <div className="px-4"><Spinner label={t('loadingHistory')} /></div>}
      {/* 404: the snapshot does not know the group yet and nothing was sampled; the page says when the group is unknown */}
      {((data && data.points.length === 0) || isNotFound(query.error)) && (
        <div className="p-4"><EmptyState title={t('noHistory')}>{t('noHistoryHint')}</EmptyState></div>
      )}
      {data && data.points.length > 0 && (
        <>
          <div className="h-64 px-2 pt-2" data-testid="lag-chart">
            <LagLines from={data.from} to={data.to} tick={(at) => tick(at, range)} total={total} queues={queues} perQueue={perQueue} marker={marker} shown={shown} near={near} />
          </div>
          {shown.length > 0 && (
            <p className="px-4 text-xs text-slate-500" data-testid="rebalance-legend">
              <span className="text-amber-700">┆</span> {t('legend', { count: shown.length })}
            </p>
          )}
          <details className="px-4 pb-3 text-sm">
            <summary className="cursor-pointer text-slate-600">{t('dataPoints', { count: formatCount(data.points.length) })}</summary>
            <table className="mt-2 text-sm" data-testid="lag-points">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="pr-6">{t('time')}</th>
                  <th className="text-right">{t('lag')}</th>
                </tr>
              </thead>
              <tbody>
                {data.points.map((p) => (
                  <tr key={p.t} data-testid="lag-point">
                    <td className="pr-6"><Timestamp ms={p.t} showAge={false} /></td>
                    <td className="num">{formatCount(p.lag)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
      <div className="px-4 pb-3">
        <RebalanceTable data={rebalances.data} error={rebalances.error} />
      </div>
    </div>
  );
}
