'use client';

import { useTranslations } from 'next-intl';
import { formatCount } from '../format';

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
  sizes = [25, 50, 100, 200],
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  sizes?: number[];
}) {
  const t = useTranslations('states.pager');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-4 py-2 text-sm text-slate-600">
      <div data-testid="pager-summary">
        {t('range', { first: formatCount(first), last: formatCount(last), total: formatCount(total) })}
      </div>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1">
          {t('rows')}
          <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))} className="rounded border border-slate-300 bg-white px-1 py-0.5">
            {sizes.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </label>
        <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)} className="rounded border border-slate-300 bg-white px-2 py-0.5 disabled:opacity-40">
          {t('prev')}
        </button>
        <span>
          {t('page', { page: formatCount(page), pages: formatCount(pages) })}
        </span>
        <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)} className="rounded border border-slate-300 bg-white px-2 py-0.5 disabled:opacity-40">
          {t('next')}
        </button>
      </div>
    </div>
  );
}
