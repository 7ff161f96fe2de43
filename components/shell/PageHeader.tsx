import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

export interface Crumb {
  label: string;
  href?: string;
}

/** Breadcrumbs, the page title and the page's actions, the same on every page. */
export function PageHeader({ crumbs, title, subtitle, actions }: { crumbs: Crumb[]; title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  const t = useTranslations('shell');
  return (
    <header className="mb-5">
      <nav aria-label={t('breadcrumb')} className="mb-1 text-sm text-slate-500">
        <ol className="flex flex-wrap items-center gap-1">
          {crumbs.map((c, i) => (
            <li key={`${c.label}-${i}`} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden="true">/</span>}
              {c.href ? <Link href={c.href} className="hover:text-slate-900 hover:underline">{c.label}</Link> : <span aria-current="page">{c.label}</span>}
            </li>
          ))}
        </ol>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          {subtitle && <div className="mt-1 text-sm text-slate-600">{subtitle}</div>}
        </div>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}
