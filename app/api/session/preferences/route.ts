import { z } from 'zod';
import { LOCALE_COOKIE, LOCALES, PREFERENCE_COOKIE_MAX_AGE_S, THEME_COOKIE, THEMES } from '@/i18n/preferences';
import { route } from '../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const PreferencesBody = z
  .object({
    locale: z.enum(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` }).optional(),
    theme: z.enum(THEMES, { message: `theme must be one of ${THEMES.join(', ')}` }).optional(),
  })
  .strict();

/**
 * The caller's language and theme: kept for the user (their other browsers take it at the next page load) and set
 * as this browser's cookies, which the server reads when it renders a page.
 */
export const PUT = route({ route: '/api/session/preferences', permission: 'signed-in', scope: 'console', body: PreferencesBody }, async ({ app, principal, body }) => {
  const saved = await (await app.store()).preferences.set(principal.user, body, Date.now());
  const response = Response.json({ preferences: saved }, { headers: { 'cache-control': 'no-store' } });
  const secure = app.settings.auth.publicUrl?.startsWith('https:') ? '; Secure' : '';
  for (const [name, value] of [[LOCALE_COOKIE, saved.locale], [THEME_COOKIE, saved.theme]] as const) {
    if (value) response.headers.append('set-cookie', `${name}=${value}; Path=/; Max-Age=${PREFERENCE_COOKIE_MAX_AGE_S}; SameSite=Lax${secure}`);
  }
  return response;
});
