/**
 * The two preferences of a person's console: the language of its pages and its colour theme. Each is kept in a
 * cookie the server reads when it renders a page (so the first paint is right), and in the store for a signed-in
 * user, whose choice follows them to another browser at the next sign-in.
 */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const LOCALE_COOKIE = 'console_locale';
export const THEME_COOKIE = 'console_theme';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
export const isTheme = (value: unknown): value is Theme => typeof value === 'string' && (THEMES as readonly string[]).includes(value);

/**
 * The language of a page: the person's choice, else the first language of the browser's Accept-Language that we
 * have (any Chinese reads Simplified Chinese: the catalog we have; zh-TW readers prefer it to English), else English.
 */
export function pickLocale(chosen: string | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(chosen)) return chosen;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? '1');
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag !== '' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LOCALE;
}

export const pickTheme = (chosen: string | undefined): Theme => (isTheme(chosen) ? chosen : 'system');

/** A year: a preference is not a secret and should outlive sessions. */
export const PREFERENCE_COOKIE_MAX_AGE_S = 365 * 24 * 3600;
