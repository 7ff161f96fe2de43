import { useTranslations } from 'next-intl';
import { Badge } from '../ui/Badge';
import { formatDuration } from '../format';
import type { Drain } from '@/lib/console/lag/types';
import type { ListVerdict } from '@/lib/console/groups/diagnosis/rules';

export function ModelBadge({ model }: { model?: string }) {
  const t = useTranslations('groups.badges');
  if (!model) return <span className="text-slate-400" title={t('modelUnknown')}>—</span>;
  return model === 'BROADCASTING' ? <Badge tone="bg-violet-50 text-violet-700 ring-violet-200">BROADCASTING</Badge> : <Badge>CLUSTERING</Badge>;
}

/** "12 min" backlog age, coloured by how old it is. */
export function LagAge({ ms }: { ms: number | undefined }) {
  if (ms === undefined) return <span className="text-slate-400">—</span>;
  const tone = ms > 3_600_000 ? 'font-semibold text-red-700' : ms > 300_000 ? 'text-amber-700' : '';
  return <span className={tone}>{formatDuration(ms)}</span>;
}

export function DrainText({ drain, lag }: { drain?: Drain; lag: number }) {
  const t = useTranslations('groups.badges');
  if (lag === 0) return <span className="text-emerald-700">{t('caughtUp')}</span>;
  if (!drain) return <span className="text-slate-400" title={t('needsTwoSnapshots')}>—</span>;
  if (drain.etaMs !== undefined && drain.trend === 'draining') return <span title={t('net', { rate: (drain.consumeRate - drain.produceRate).toFixed(2) })}>{formatDuration(drain.etaMs)}</span>;
  if (drain.trend === 'growing') return <span className="text-red-700" title={t('producedConsumed', { produced: drain.produceRate.toFixed(2), consumed: drain.consumeRate.toFixed(2) })}>{t('growing')}</span>;
  if (drain.trend === 'idle') return <span className="text-amber-700" title={t('idleTitle')}>{t('notConsuming')}</span>;
  return <span title={t('steadyTitle')}>{t('steady')}</span>;
}

export function LagNumber({ lag }: { lag: number | undefined }) {
  if (lag === undefined) return <span className="text-slate-400">—</span>;
  return <span className={lag > 0 ? 'font-medium text-red-700' : 'text-slate-600'}>{lag.toLocaleString('en-US')}</span>;
}

const VERDICTS: Record<ListVerdict, { key: 'noClient' | 'consumeDisabled' | 'slowConsumption' | 'ok' | 'unknown'; tone?: string }> = {
  'no-client': { key: 'noClient', tone: 'bg-red-50 text-red-700 ring-red-200' },
  'consume-disabled': { key: 'consumeDisabled', tone: 'bg-red-50 text-red-700 ring-red-200' },
  'slow-consumption': { key: 'slowConsumption', tone: 'bg-amber-50 text-amber-800 ring-amber-200' },
  ok: { key: 'ok' },
  unknown: { key: 'unknown', tone: 'bg-slate-100 text-slate-600 ring-slate-200' },
};

/** The list's short verdict (from the lag snapshot alone); the group page has the full diagnosis. */
export function VerdictBadge({ verdict }: { verdict: ListVerdict }) {
  const t = useTranslations('groups.badges.verdicts');
  const v = VERDICTS[verdict];
  const title = t(`${v.key}Title`);
  if (v.key === 'ok' || !v.tone) return <span className="text-slate-400" title={title} data-testid="verdict">—</span>;
  return <span data-testid="verdict"><Badge tone={v.tone} title={title}>{t(v.key)}</Badge></span>;
}
