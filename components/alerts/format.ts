import type { AlertKind } from '@/lib/console/alerts/rules';
import { formatCount, formatDuration } from '../format';

export const KIND_LABELS: Record<AlertKind, string> = {
  lag: 'Lag (messages)',
  'lag-age': 'Lag age (oldest unconsumed)',
  'drain-time': 'Time to drain',
  'no-client': 'Messages wait, no client online',
};

/** A figure as the kind counts it; null is a drain that never ends (or a figure not kept). */
export function formatFigure(kind: AlertKind, value: number | null | undefined): string {
  if (value === undefined) return '—';
  if (kind === 'no-client') return value === null ? '—' : value >= 1 ? 'yes' : 'no';
  if (kind === 'lag') return formatCount(value);
  if (value === null) return kind === 'drain-time' ? 'never (not draining)' : '—';
  return formatDuration(value);
}

export function formatThreshold(kind: AlertKind, threshold: number): string {
  if (kind === 'no-client') return 'any wait';
  return kind === 'lag' ? `≥ ${formatCount(threshold)}` : `≥ ${formatDuration(threshold)}`;
}

/** What the threshold field takes for a kind: messages, or minutes for the times. */
export function thresholdUnit(kind: AlertKind): { label: string; toRule: (v: number) => number; fromRule: (v: number) => number } {
  if (kind === 'lag') return { label: 'messages', toRule: (v) => v, fromRule: (v) => v };
  if (kind === 'no-client') return { label: '(fires when any message waits)', toRule: () => 1, fromRule: () => 1 };
  return { label: 'minutes', toRule: (v) => Math.round(v * 60_000), fromRule: (v) => v / 60_000 };
}
