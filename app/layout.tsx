import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale } from 'next-intl/server';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { pickTheme, THEME_COOKIE } from '@/i18n/preferences';
import { THEME_SCRIPT } from '@/components/preferences/theme';
import { Providers } from '@/components/providers';
import { AuthBanner } from '@/components/shell/AuthBanner';
import { Sidebar } from '@/components/shell/Sidebar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'RocketMQ Console', template: '%s · RocketMQ Console' },
  description: 'Clusters, topics, consumer groups, lag, offsets and messages of Apache RocketMQ',
  icons: { icon: '/icon.svg' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = pickTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <html lang={locale} data-theme={theme} className={theme === 'dark' ? 'dark' : undefined} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <NextIntlClientProvider>
          <Providers>
            <div className="flex min-h-screen">
              <Sidebar />
              <div className="min-w-0 flex-1">
                <AuthBanner />
                <main className="px-6 py-5">{children}</main>
              </div>
            </div>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
