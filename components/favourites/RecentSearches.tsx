'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { errorText } from '../api/client';
import { useClearSearches, useRecentSearchesOf } from '../api/favourites';
import { Badge } from '../ui/Badge';
import { ErrorState, Spinner } from '../ui/states';
import { Timestamp } from '../ui/Timestamp';
import { searchHref, searchLabel } from './search-href';


/** The user's recent message searches on the given clusters, newest first; each runs again with one click. */
export function RecentSearches({ clusters, showCluster }: { clusters: string[]; showCluster: boolean }) {
  const t = useTranslations('favourites.recent');
  const words = useTranslations('favourites.searches');
  const queries = useRecentSearchesOf(clusters);
  const rows = clusters.flatMap((cluster, i) => (queries[i]?.data?.searches ?? []).map((s) => ({ cluster, s }))).sort((a, b) => b.s.at - a.s.at);
  const failed = clusters.flatMap((cluster, i) => (queries[i]?.error ? [`${cluster}: ${errorText(queries[i]!.error)}`] : []));
  const loading = queries.some((q) => q.isPending);
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" data-testid="recent-searches" aria-labelledby="recent-searches-title">
      <header className="flex items-center gap-2 border-b border-slate-200 px-4 py-2.5">
        <h2 id="recent-searches-title" className="text-base font-semibold">{t('title')}</h2>
        <span className="text-xs text-slate-500">{t('hint')}</span>
        {clusters.length === 1 && rows.length > 0 && <ClearButton cluster={clusters[0]!} />}
      </header>
      <div className="p-4 text-sm">
        {failed.length > 0 && <ErrorState title={t('couldNotRead')} message={failed.join('; ')} />}
        {loading && rows.length === 0 && <Spinner label={t('reading')} />}
        {!loading && rows.length === 0 && failed.length === 0 && <p className="text-slate-500">{t('empty')}</p>}
        {rows.length > 0 && (
          <ul className="divide-y divide-slate-100">
            {rows.map(({ cluster, s }) => (
              <li key={`${cluster} ${s.kind} ${JSON.stringify(s.params)}`} className="flex flex-wrap items-center gap-2 py-1.5" data-testid="recent-search">
                <Badge>{t(`kinds.${s.kind}`)}</Badge>
                {showCluster && <span className="text-xs text-slate-500">{cluster}</span>}
                <Link href={searchHref(cluster, s)} className="min-w-0 truncate font-mono text-blue-700 hover:underline" title={t('runAgain')}>
                  {searchLabel(s, words)}
                </Link>
                <span className="ml-auto text-xs text-slate-500"><Timestamp ms={s.at} /></span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function ClearButton({ cluster }: { cluster: string }) {
  const t = useTranslations('favourites.recent');
  const clear = useClearSearches(cluster);
  return (
    <button type="button" onClick={() => clear.mutate()} disabled={clear.isPending} className="ml-auto rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-50">
      {t('clear')}
    </button>
  );
}
