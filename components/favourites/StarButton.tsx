'use client';

import { useTranslations } from 'next-intl';
import { errorText } from '../api/client';
import { useFavourites, useToggleStar } from '../api/favourites';

/** ☆/★ next to a topic's or group's name: the user's own favourite, shown first on the home page. */
export function StarButton({ cluster, kind, name, size = 'lg' }: { cluster: string; kind: 'topic' | 'group'; name: string; size?: 'lg' | 'sm' }) {
  const t = useTranslations('favourites.star');
  const favourites = useFavourites(cluster);
  const toggle = useToggleStar(cluster);
  const list = kind === 'topic' ? favourites.data?.topics : favourites.data?.groups;
  const stored = list?.some((f) => f.name === name) ?? false;
  // the click shows at once; the list read again confirms it
  const starred = toggle.isPending ? toggle.variables.starred : stored;
  const what = t(kind === 'topic' ? 'topic' : 'group');
  const label = t(starred ? 'unstar' : 'star', { kind: what, name });
  const failed = toggle.error ? t(toggle.variables?.starred ? 'couldNotStar' : 'couldNotUnstar', { error: errorText(toggle.error) }) : undefined;
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={starred}
      title={failed ?? (starred ? t('starredTitle') : t('starTitle'))}
      disabled={!favourites.data || toggle.isPending}
      onClick={() => toggle.mutate({ kind, name, starred: !starred })}
      data-testid="star-toggle"
      className={`inline-flex items-center justify-center rounded leading-none hover:bg-amber-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 disabled:opacity-60 ${size === 'lg' ? 'h-8 w-8 text-2xl' : 'h-6 w-6 text-base'} ${starred ? 'text-amber-500' : 'text-slate-400 hover:text-amber-500'} ${failed ? 'ring-1 ring-red-400' : ''}`}
    >
      <span aria-hidden="true">{starred ? '★' : '☆'}</span>
    </button>
  );
}
