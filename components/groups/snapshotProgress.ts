import type { SnapshotProgress } from '@/lib/console/lag/types';
import { formatCount } from '../format';

type Key = 'starting' | 'configs' | 'offsets' | 'offsetsFound' | 'connections' | 'ages' | 'assembling' | 'soFar';
/** The 'groups.list.progress' translator, as far as this needs it. */
export type ProgressWords = (key: Key, values?: Record<string, string | number>) => string;

/** What the first lag snapshot's build is doing, as the group list says it while there are no rows yet. */
export function snapshotProgressText(p: SnapshotProgress, t: ProgressWords, now = Date.now()): string {
  const of = { done: formatCount(p.done), total: formatCount(p.total) };
  const step =
    p.phase === 'offsets' && p.groups !== undefined
      ? t('offsetsFound', { ...of, groups: formatCount(p.groups) })
      : p.phase === 'assembling'
        ? t('assembling', { total: formatCount(p.total) })
        : t(p.phase, of);
  return t('soFar', { step, seconds: Math.max(0, Math.round((now - p.startedAt) / 1000)) });
}
