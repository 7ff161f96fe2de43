import type { useTranslations } from 'next-intl';
import { subjectPage, type AlertKind } from '@/lib/console/alerts/rules';
import { formatBytes, formatCount, formatDuration } from '../format';
import { paths } from '../paths';

/** The alerts catalog's translate function, passed to the helpers below. */
export type AlertsT = ReturnType<typeof useTranslations<'alerts'>>;

/** The catalog key of each kind's label (alerts.kinds.*). */
export const KIND_KEYS = {
  lag: 'lag',
  'lag-age': 'lagAge',
  'drain-time': 'drainTime',
  'no-client': 'noClient',
  'failure-rate': 'failureRate',
  'broker-down': 'brokerDown',
  'slave-behind': 'slaveBehind',
  'disk-ratio': 'diskRatio',
} as const satisfies Record<AlertKind, string>;

export const kindLabel = (t: AlertsT, kind: AlertKind): string => t(`kinds.${KIND_KEYS[kind]}`);

/** A figure as the kind counts it; null is a drain that never ends (or a figure not kept). */
export function formatFigure(t: AlertsT, kind: AlertKind, value: number | null | undefined): string {
  if (value === undefined) return '—';
  if (kind === 'no-client') return value === null ? '—' : value >= 1 ? t('figure.yes') : t('figure.no');
  if (kind === 'broker-down') return value === null ? '—' : value >= 1 ? t('figure.down') : t('figure.up');
  if (value === null) return kind === 'drain-time' ? t('figure.never') : '—';
  if (kind === 'lag') return formatCount(value);
  if (kind === 'failure-rate') return t('figure.perMinute', { value: formatCount(Math.round(value * 10) / 10) });
  if (kind === 'slave-behind') return formatBytes(value);
  if (kind === 'disk-ratio') return `${value.toFixed(1)}%`;
  return formatDuration(value);
}

export function formatThreshold(t: AlertsT, kind: AlertKind, threshold: number): string {
  if (kind === 'no-client') return t('figure.anyWait');
  if (kind === 'broker-down') return t('figure.down');
  if (kind === 'lag-age' || kind === 'drain-time') return `≥ ${formatDuration(threshold)}`;
  return `≥ ${formatFigure(t, kind, threshold)}`;
}

/** What the threshold field takes for a kind: messages, minutes for the times, MiB, percent. */
export function thresholdUnit(t: AlertsT, kind: AlertKind): { label: string; toRule: (v: number) => number; fromRule: (v: number) => number } {
  const same = { toRule: (v: number) => v, fromRule: (v: number) => v };
  if (kind === 'lag') return { label: t('unit.messages'), ...same };
  if (kind === 'failure-rate') return { label: t('unit.messagesPerMinute'), ...same };
  if (kind === 'disk-ratio') return { label: t('unit.percent'), ...same };
  // the unit's symbol reads the same in every language
  if (kind === 'slave-behind') return { label: 'MiB', toRule: (v) => Math.round(v * 1024 * 1024), fromRule: (v) => v / 1024 / 1024 };
  if (kind === 'no-client') return { label: t('unit.noClient'), toRule: () => 1, fromRule: () => 1 };
  if (kind === 'broker-down') return { label: t('unit.brokerDown'), toRule: () => 1, fromRule: () => 1 };
  return { label: t('unit.minutes'), toRule: (v) => Math.round(v * 60_000), fromRule: (v) => v / 60_000 };
}

/** The page of an alert's subject (subjectPage), as the console's paths name it. */
export function subjectHref(cluster: string, subject: string, kind?: AlertKind): string {
  const page = subjectPage(subject, kind);
  return page === 'group' ? paths.group(cluster, subject) : paths[page](cluster);
}
