'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { isLocale, isTheme, LOCALE_COOKIE, LOCALE_NAMES, LOCALES, PREFERENCE_COOKIE_MAX_AGE_S, THEME_COOKIE, THEMES, type Locale, type Theme } from '@/i18n/preferences';
import { fetchJson } from '../api/client';
import { sessionKeys, useSession } from '../api/session';
import { applyTheme, currentTheme } from './theme';

function setCookie(name: string, value: string): void {
  document.cookie = `${name}=${value}; Path=/; Max-Age=${PREFERENCE_COOKIE_MAX_AGE_S}; SameSite=Lax`;
}

/**
 * The language and theme switches of the shell. A choice is kept for the user on the server and in this browser's
 * cookies; a user who chose elsewhere gets their choice here at the first page load after signing in.
 */
export function Preferences() {
  const t = useTranslations('preferences');
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const stored = useSession().data?.preferences;
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => setTheme(currentTheme()), []);

  // the user's choice made on another browser wins over this browser's cookies, once per page load
  useEffect(() => {
    if (!stored) return;
    if (isTheme(stored.theme) && stored.theme !== currentTheme()) {
      setCookie(THEME_COOKIE, stored.theme);
      applyTheme(stored.theme);
      setTheme(stored.theme);
    }
    if (isLocale(stored.locale) && stored.locale !== locale) {
      setCookie(LOCALE_COOKIE, stored.locale);
      router.refresh();
    }
  }, [stored, locale, router]);

  const save = (body: { locale?: Locale; theme?: Theme }) =>
    fetchJson('/api/session/preferences', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .catch(() => undefined)
      .finally(() => queryClient.invalidateQueries({ queryKey: sessionKeys.session }));

  const chooseLocale = (next: Locale) => {
    setCookie(LOCALE_COOKIE, next);
    void save({ locale: next }).then(() => router.refresh());
  };
  const chooseTheme = (next: Theme) => {
    setCookie(THEME_COOKIE, next);
    applyTheme(next);
    setTheme(next);
    void save({ theme: next });
  };

  return (
    <div className="flex flex-col gap-1.5 px-4 py-2 text-xs text-slate-400">
      <label className="flex items-center justify-between gap-2">
        <span>{t('language')}</span>
        <select value={locale} onChange={(e) => isLocale(e.target.value) && chooseLocale(e.target.value)} aria-label={t('language')} data-testid="locale-switch" className="rounded border border-slate-700 bg-slate-800 px-1.5 py-0.5 text-slate-100">
          {LOCALES.map((l) => <option key={l} value={l}>{LOCALE_NAMES[l]}</option>)}
        </select>
      </label>
      <label className="flex items-center justify-between gap-2">
        <span>{t('theme')}</span>
        <select value={theme} onChange={(e) => isTheme(e.target.value) && chooseTheme(e.target.value)} aria-label={t('theme')} data-testid="theme-switch" className="rounded border border-slate-700 bg-slate-800 px-1.5 py-0.5 text-slate-100">
          {THEMES.map((th) => <option key={th} value={th}>{t(`themes.${th}`)}</option>)}
        </select>
      </label>
    </div>
  );
}
