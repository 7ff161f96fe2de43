'use client';

import { useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLagHistory, useRebalances } from '../api/groups';
import { useCluster } from '../useCluster';
import { formatCount } from '../format';
import { EmptyState, ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { RebalanceTable, rebalanceLabel, rebalanceSummary } from './Rebalances';

const RANGES = ['1h', '6h', '24h', '7d'] as const;
const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#c026d3', '#ea580c', '#4f46e5'];

function tick(t: number, range: string): string {
  const d = new Date(t);
  const hm = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false });
  return range === '7d' ? `${d.toLocaleDateString([], { month: 'short', day: 'numeric' })} ${hm}` : hm;
}

/** Markers labelled at most this many: past it, labels would cover each other (the tooltip and the table still tell). */
const LABELLED_MARKERS = 8;

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
        <div role="group" aria-label="Range" className="inline-flex overflow-hidden rounded border border-slate-300 text-sm">
          {RANGES.map((r) => (
            <button
              key={r}
              type="button"
              onClick={() => setRange(r)}
              aria-pressed={range === r}
              className={`px-2.5 py-1 ${range === r ? 'bg-slate-800 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}
            >
              {r}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-1.5 text-sm text-slate-700">
          <input type="checkbox" checked={perQueue} onChange={(e) => setPerQueue(e.target.checked)} className="accent-slate-700" />
          per queue
        </label>
      </div>
      {query.error && <div className="p-4"><ErrorState message={query.error.message} /></div>}
      {!data && !query.error && <div className="px-4"><Spinner label="Loading lag history" /></div>}
      {data && data.points.length === 0 && (
        <div className="p-4"><EmptyState title="No lag history yet">The sampler writes a point every 30 s; the first one appears shortly.</EmptyState></div>
      )}
      {data && data.points.length > 0 && (
        <>
          <div className="h-64 px-2 pt-2" data-testid="lag-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="t" type="number" scale="time" domain={[data.from, data.to]} tickFormatter={(t: number) => tick(t, range)} fontSize={12} />
                <YAxis fontSize={12} tickFormatter={(v: number) => formatCount(v)} width={56} allowDecimals={false} />
                <Tooltip
                  labelFormatter={(t) => [new Date(Number(t)).toLocaleString(), ...near(Number(t)).map((r) => `rebalance ${new Date(r.t).toLocaleTimeString()}: ${rebalanceSummary(r)}`)].join(' · ')}
                  formatter={(v) => formatCount(Number(v))}
                />
                {perQueue && <Legend wrapperStyle={{ fontSize: 11 }} />}
                {marker && marker.at >= data.from && marker.at <= data.to && (
                  <ReferenceLine x={marker.at} stroke="#7c3aed" strokeDasharray="4 3" label={{ value: marker.label, position: 'insideTopRight', fontSize: 11, fill: '#6d28d9' }} />
                )}
                {shown.map((r) => (
                  <ReferenceLine
                    key={r.t}
                    x={r.t}
                    className="rebalance-marker"
                    stroke="#d97706"
                    strokeDasharray="2 2"
                    // the label on the side with room: left of a marker in the right half of the chart
                    label={
                      shown.length <= LABELLED_MARKERS
                        ? { value: rebalanceLabel(r), position: r.t > (data.from + data.to) / 2 ? 'insideTopRight' : 'insideTopLeft', fontSize: 10, fill: '#b45309' }
                        : undefined
                    }
                  />
                ))}
                {!perQueue && <Line data={total} dataKey="lag" name="lag" type="stepAfter" stroke="#dc2626" strokeWidth={2} dot={false} isAnimationActive={false} />}
                {perQueue &&
                  queues.map((q, i) => (
                    <Line key={q.name} data={q.points} dataKey="lag" name={q.name} type="stepAfter" stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />
                  ))}
              </LineChart>
            </ResponsiveContainer>
          </div>
          {shown.length > 0 && (
            <p className="px-4 text-xs text-slate-500" data-testid="rebalance-legend">
              <span className="text-amber-700">┆</span> {shown.length} {shown.length === 1 ? 'rebalance' : 'rebalances'} (+joined −left ⇄queues moved)
            </p>
          )}
          <details className="px-4 pb-3 text-sm">
            <summary className="cursor-pointer text-slate-600">Data points ({formatCount(data.points.length)})</summary>
            <table className="mt-2 text-sm" data-testid="lag-points">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="pr-6">Time</th>
                  <th className="text-right">Lag</th>
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
