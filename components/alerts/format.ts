import { subjectPage, type AlertKind } from '@/lib/console/alerts/rules';
import { formatBytes, formatCount, formatDuration } from '../format';
import { paths } from '../paths';

export const KIND_LABELS: Record<AlertKind, string> = {
  lag: 'Lag (messages)',
  'lag-age': 'Lag age (oldest unconsumed)',
  'drain-time': 'Time to drain',
  'no-client': 'Messages wait, no client online',
  'failure-rate': 'Consume failures (sent back per minute)',
  'broker-down': 'Broker down (no answer, or unregistered)',
  'slave-behind': 'Slave behind its master (bytes)',
  'disk-ratio': 'Commit-log disk use (%)',
};

/** A figure as the kind counts it; null is a drain that never ends (or a figure not kept). */
export function formatFigure(kind: AlertKind, value: number | null | undefined): string {
  if (value === undefined) return '—';
  if (kind === 'no-client') return value === null ? '—' : value >= 1 ? 'yes' : 'no';
  if (kind === 'broker-down') return value === null ? '—' : value >= 1 ? 'down' : 'up';
  if (value === null) return kind === 'drain-time' ? 'never (not draining)' : '—';
  if (kind === 'lag') return formatCount(value);
  if (kind === 'failure-rate') return `${formatCount(Math.round(value * 10) / 10)}/min`;
  if (kind === 'slave-behind') return formatBytes(value);
  if (kind === 'disk-ratio') return `${value.toFixed(1)}%`;
  return formatDuration(value);
}

export function formatThreshold(kind: AlertKind, threshold: number): string {
  if (kind === 'no-client') return 'any wait';
  if (kind === 'broker-down') return 'down';
  if (kind === 'lag-age' || kind === 'drain-time') return `≥ ${formatDuration(threshold)}`;
  return `≥ ${formatFigure(kind, threshold)}`;
}

/** What the threshold field takes for a kind: messages, minutes for the times, MiB, percent. */
export function thresholdUnit(kind: AlertKind): { label: string; toRule: (v: number) => number; fromRule: (v: number) => number } {
  const same = { toRule: (v: number) => v, fromRule: (v: number) => v };
  if (kind === 'lag') return { label: 'messages', ...same };
  if (kind === 'failure-rate') return { label: 'messages per minute', ...same };
  if (kind === 'disk-ratio') return { label: 'percent', ...same };
  if (kind === 'slave-behind') return { label: 'MiB', toRule: (v) => Math.round(v * 1024 * 1024), fromRule: (v) => v / 1024 / 1024 };
  if (kind === 'no-client') return { label: '(fires when any message waits)', toRule: () => 1, fromRule: () => 1 };
  if (kind === 'broker-down') return { label: '(fires when it does not answer)', toRule: () => 1, fromRule: () => 1 };
  return { label: 'minutes', toRule: (v) => Math.round(v * 60_000), fromRule: (v) => v / 60_000 };
}

/** The page of an alert's subject (subjectPage), as the console's paths name it. */
export function subjectHref(cluster: string, subject: string, kind?: AlertKind): string {
  const page = subjectPage(subject, kind);
  return page === 'group' ? paths.group(cluster, subject) : paths[page](cluster);
}
