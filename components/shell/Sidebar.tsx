'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useLogout } from '../api/auth';
import { useSession } from '../api/session';
import { PaletteLauncher } from '../palette/PaletteLauncher';
import { Preferences } from '../preferences/Preferences';
import { paths } from '../paths';
import { useOptionalCluster } from '../useCluster';
import { NAV } from './nav';

/**
 * The shell's navigation: the clusters (every page of one cluster lives under /clusters/{name}), that cluster's
 * sections, and who is signed in. Switching clusters keeps the section.
 */
export function Sidebar() {
  const pathname = usePathname();
  const t = useTranslations('shell');
  const router = useRouter();
  const cluster = useOptionalCluster();
  const session = useSession().data;
  const base = cluster ? paths.cluster(cluster) : undefined;
  const rest = base && pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const section = rest.split('/').slice(0, 2).join('/');
  const clusters = session?.clusters ?? (cluster ? [{ name: cluster, readOnly: false, role: null }] : []);
  const logout = useLogout();
  const consoleAdmin = session?.bindings.some((b) => b.cluster === '*' && b.role === 'admin') ?? false;
  if (pathname === '/login') {
    return (
      <aside className="fixed-scale w-56 shrink-0 bg-slate-900">
        <div className="flex items-center gap-2 px-4 py-4 text-white">
          <span className="grid h-7 w-7 place-items-center rounded bg-orange-500 text-sm font-bold">R</span>
          <span className="whitespace-nowrap font-semibold tracking-tight">{t('product')}</span>
        </div>
        <Preferences />
      </aside>
    );
  }
  return (
    <aside className="fixed-scale flex w-56 shrink-0 flex-col bg-slate-900 text-slate-200">
      <Link href="/" className="flex items-center gap-2 px-4 py-4 text-white">
        <span className="grid h-7 w-7 place-items-center rounded bg-orange-500 text-sm font-bold">R</span>
        <span className="whitespace-nowrap font-semibold tracking-tight">{t('product')}</span>
      </Link>
      <PaletteLauncher />
      <nav aria-label={t('mainNav')} className="flex flex-col gap-0.5 px-2">
        <Link href="/" aria-current={pathname === '/' ? 'page' : undefined} className={item(pathname === '/')}>
          {t('allClusters')}
        </Link>
        <label className="mt-3 px-3 text-xs uppercase tracking-wide text-slate-500" htmlFor="cluster-switch">
          {t('cluster')}
        </label>
        <select
          id="cluster-switch"
          aria-label={t('cluster')}
          value={cluster ?? ''}
          onChange={(e) => router.push(`${paths.cluster(e.target.value)}${section}`)}
          className="mx-2 mb-1 rounded border border-slate-700 bg-slate-800 px-2 py-1.5 text-sm text-white"
        >
          {!cluster && <option value="">{t('choose')}</option>}
          {clusters.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
              {c.readOnly ? t('readOnlySuffix') : ''}
            </option>
          ))}
        </select>
        {cluster &&
          NAV.map((n) => {
            const active = n.section.some((s) => (s === '' ? rest === '' : section === s));
            return (
              <Link key={n.label} href={n.path(cluster)} aria-current={active ? 'page' : undefined} className={item(active)}>
                {t(`nav.${n.key}`)}
              </Link>
            );
          })}
      </nav>
      <div className="mt-auto border-t border-slate-800 pt-1">
        <Preferences />
      </div>
      <div className="border-t border-slate-800 px-4 py-3 text-xs text-slate-400" data-testid="signed-in">
        {session && (
          <>
            <div className="uppercase tracking-wide text-slate-500">{session.authEnabled ? t('signedIn') : t('signInOff')}</div>
            <div className="truncate text-slate-200" title={session.user}>{session.displayName}</div>
            {cluster && <div className="text-slate-400">{t('roleOn', { role: session.clusters.find((c) => c.name === cluster)?.role ?? t('noRole'), cluster })}</div>}
            {session.authEnabled && (
              <div className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-slate-300">
                <Link href="/account" aria-current={pathname === '/account' ? 'page' : undefined} className="hover:text-white hover:underline">{t('account')}</Link>
                {consoleAdmin && <Link href="/admin/users" aria-current={pathname.startsWith('/admin') ? 'page' : undefined} className="hover:text-white hover:underline">{t('admin')}</Link>}
                <button type="button" onClick={() => logout.mutate(undefined, { onSettled: () => window.location.assign('/login') })} className="hover:text-white hover:underline">
                  {t('signOut')}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

function item(active: boolean): string {
  return `rounded px-3 py-2 text-sm ${active ? 'bg-slate-700 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`;
}
