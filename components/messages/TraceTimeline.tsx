import { useTranslations } from 'next-intl';
import type { MessageTrace } from '@/lib/console/traces/trace';
import { formatDuration } from '../format';

interface Bar {
  from: number;
  to: number;
  tone: 'ok' | 'failed' | 'pending' | 'store';
  label: string;
}
interface Lane {
  label: string;
  bars: Bar[];
}

const TONE: Record<Bar['tone'], string> = { ok: '#16a34a', failed: '#dc2626', pending: '#d97706', store: '#2563eb' };
const LANE_H = 34;
const LEFT = 210;
const WIDTH = 1000;

function lanesOf(trace: MessageTrace, t: ReturnType<typeof useTranslations<'messages.timeline'>>): Lane[] {
  const lanes: Lane[] = trace.pubs.map((p) => ({
    label: t('sendLane', { group: p.producerGroup }),
    bars: [{ from: p.sendTime, to: p.sendTime + p.costMs, tone: p.status === 'success' ? 'ok' : 'failed', label: t('sentBy', { host: p.clientHost, ms: String(p.costMs), status: p.status }) }],
  }));
  if (trace.stored) lanes.push({ label: t('storedLane', { brokerName: trace.stored.brokerName }), bars: [{ from: trace.stored.storeTimestamp, to: trace.stored.storeTimestamp, tone: 'store', label: t('storedOn', { brokerName: trace.stored.brokerName, queueId: String(trace.stored.queueId) }) }] });
  for (const g of trace.groups) {
    lanes.push({
      label: g.group,
      bars: g.attempts.map((a) => {
        const end = a.endTime ?? (a.beginTime !== undefined ? a.beginTime + (a.costMs ?? 0) : 0);
        const begin = a.beginTime ?? end - (a.costMs ?? 0);
        const tone = a.status === 'success' ? 'ok' : a.status === 'failed' ? 'failed' : 'pending';
        return { from: begin, to: end, tone, label: a.costMs !== undefined
            ? t('attemptIn', { n: String((a.retryTimes ?? 0) + 1), host: a.clientHost, status: a.status, ms: String(a.costMs) })
            : t('attempt', { n: String((a.retryTimes ?? 0) + 1), host: a.clientHost, status: a.status }) };
      }),
    });
  }
  return lanes;
}

/** The message's life as a picture: send, store, then each group's delivery attempts on one time axis. */
export function TraceTimeline({ trace }: { trace: MessageTrace }) {
  const t = useTranslations('messages.timeline');
  const lanes = lanesOf(trace, t);
  const times = lanes.flatMap((l) => l.bars.flatMap((b) => [b.from, b.to])).filter((at) => at > 0);
  if (times.length === 0) return null;
  const t0 = Math.min(...times);
  const span = Math.max(Math.max(...times) - t0, 1);
  const x = (at: number) => LEFT + ((at - t0) / span) * (WIDTH - LEFT - 20);
  const height = lanes.length * LANE_H + 34;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => t0 + f * span);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full" role="img" aria-label={t('label')} data-testid="trace-timeline">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={4} y2={height - 24} stroke="var(--color-slate-200)" />
          <text x={x(tick)} y={height - 8} fontSize="11" textAnchor="middle" fill="var(--color-slate-500)">
            {tick === t0 ? t('send') : `+${formatDuration(tick - t0)}`}
          </text>
        </g>
      ))}
      {lanes.map((lane, i) => {
        const y = 8 + i * LANE_H;
        return (
          <g key={`${lane.label}-${i}`} data-testid="trace-lane">
            <text x={8} y={y + 17} fontSize="12" fill="var(--color-slate-900)">
              {lane.label.length > 30 ? `${lane.label.slice(0, 29)}…` : lane.label}
            </text>
            <line x1={LEFT} x2={WIDTH - 20} y1={y + 13} y2={y + 13} stroke="var(--color-slate-100)" strokeWidth={10} />
            {lane.bars.map((b, j) =>
              b.tone === 'store' ? (
                <circle key={j} cx={x(b.from)} cy={y + 13} r={6} fill={TONE.store}>
                  <title>{b.label}</title>
                </circle>
              ) : (
                <rect key={j} x={x(b.from)} y={y + 5} width={Math.max(x(b.to) - x(b.from), 4)} height={16} rx={3} fill={TONE[b.tone]}>
                  <title>{b.label}</title>
                </rect>
              ),
            )}
          </g>
        );
      })}
    </svg>
  );
}
