import { isTheme, THEME_COOKIE, type Theme } from '@/i18n/preferences';

/** The theme this browser chose (its cookie), "system" when none. */
export function currentTheme(): Theme {
  const value = document.cookie.split('; ').find((c) => c.startsWith(`${THEME_COOKIE}=`))?.slice(THEME_COOKIE.length + 1);
  return isTheme(value) ? value : 'system';
}

/** Puts the theme on the page now: dark for "dark", or for "system" when the system prefers dark. */
export function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
  document.documentElement.dataset.theme = theme;
}

/**
 * The script the layout puts before the page paints: "system" follows the system's preference, now and when it
 * changes. The server cannot know it, so this runs inline (the CSP allows the console's inline scripts).
 */
export const THEME_SCRIPT = `(function(){var d=document.documentElement;var m=window.matchMedia('(prefers-color-scheme: dark)');function a(){if(d.dataset.theme==='system')d.classList.toggle('dark',m.matches);}a();m.addEventListener('change',a);})();`;
