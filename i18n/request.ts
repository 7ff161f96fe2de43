import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { CATALOGS } from '../messages';
import { LOCALE_COOKIE, pickLocale } from './preferences';

/** next-intl's per-request configuration: the page's language from the person's cookie or the browser. */
export default getRequestConfig(async () => {
  const locale = pickLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return { locale, messages: CATALOGS[locale] };
});
