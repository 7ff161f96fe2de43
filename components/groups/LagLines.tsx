'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Rebalance } from '@/lib/console/groups/rebalances';
import { formatCount } from '../format';
import { rebalanceLabel, rebalanceSummary } from './Rebalances';

/** Markers labelled at most this many: past it, labels would cover each other (the tooltip and the table still tell). */
const LABELLED_MARKERS = 8;
const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#65a30d', '#c026d3', '#ea580c', '#4f46e5'];

export interface LagPoint {
  t: number;
  lag: number;
}

export interface LagLinesProps {
  from: number;
  to: number;
  /** formats an X-axis tick for the range shown */
  tick: (t: number) => string;
  total: LagPoint[];
  queues: Array<{ name: string; points: LagPoint[] }>;
  perQueue: boolean;
  marker?: { at: number; label: string };
  /** the rebalances within the range */
  shown: Rebalance[];
  /** the rebalances near a hovered time */
  near: (t: number) => Rebalance[];
}

/**
 * The drawing of LagChart: the only code of the console that uses recharts (about 120 KB compressed), so it is a
 * chunk of its own that LagChart loads once there are points to draw, off the group page's first load.
 */
export default function LagLines({ from, to, tick, total, queues, perQueue, marker, shown, near }: LagLinesProps) {
  const t = useTranslations('groups.chart');
  const tr = useTranslations('groups.rebalances');
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" />
        <XAxis dataKey="t" type="number" scale="time" domain={[from, to]} tickFormatter={tick} fontSize={12} />
        <YAxis fontSize={12} tickFormatter={(v: number) => formatCount(v)} width={56} allowDecimals={false} />
        <Tooltip
          labelFormatter={(at) => [new Date(Number(at)).toLocaleString(), ...near(Number(at)).map((r) => t('tooltipRebalance', { time: new Date(r.t).toLocaleTimeString(), summary: rebalanceSummary(r, tr) }))].join(' · ')}
          formatter={(v) => formatCount(Number(v))}
        />
        {perQueue && <Legend wrapperStyle={{ fontSize: 11 }} />}
        {marker && marker.at >= from && marker.at <= to && (
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
                ? { value: rebalanceLabel(r), position: r.t > (from + to) / 2 ? 'insideTopRight' : 'insideTopLeft', fontSize: 10, fill: '#b45309' }
                : undefined
            }
          />
        ))}
        {!perQueue && <Line data={total} dataKey="lag" name={t('lagLine')} type="stepAfter" stroke="#dc2626" strokeWidth={2} dot={false} isAnimationActive={false} />}
        {perQueue &&
          queues.map((q, i) => (
            <Line key={q.name} data={q.points} dataKey="lag" name={q.name} type="stepAfter" stroke={COLORS[i % COLORS.length]} dot={false} isAnimationActive={false} />
          ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
