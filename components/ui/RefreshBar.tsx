'use client';

import { useTranslations } from 'next-intl';
import { Age } from './Timestamp';

/** "as of N s ago", a refresh button and an auto-refresh switch the operator can turn off. */
export function RefreshBar({
  asOf,
  fetching,
  onRefresh,
  autoRefresh,
  onAutoRefreshChange,
  intervalSeconds,
}: {
  asOf?: number;
  fetching: boolean;
  onRefresh: () => void;
  autoRefresh?: boolean;
  onAutoRefreshChange?: (on: boolean) => void;
  intervalSeconds?: number;
}) {
  const t = useTranslations('states.refresh');
  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      {asOf !== undefined && <Age ms={asOf} />}
      {onAutoRefreshChange && (
        <label className="flex cursor-pointer items-center gap-1.5">
          <input type="checkbox" checked={autoRefresh} onChange={(e) => onAutoRefreshChange(e.target.checked)} className="accent-slate-700" />
          {intervalSeconds ? t('autoEvery', { seconds: String(intervalSeconds) }) : t('auto')}
        </label>
      )}
      <button
        type="button"
        onClick={onRefresh}
        disabled={fetching}
        className="inline-flex items-center gap-1.5 rounded border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-700 shadow-sm hover:bg-slate-50 disabled:opacity-60"
      >
        <span aria-hidden="true" className={fetching ? 'animate-spin' : ''}>↻</span>
        {fetching ? t('refreshing') : t('refresh')}
      </button>
    </div>
  );
}
