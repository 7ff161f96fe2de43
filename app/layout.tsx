import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import { AuthBanner } from '@/components/shell/AuthBanner';
import { Sidebar } from '@/components/shell/Sidebar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'RocketMQ Console', template: '%s · RocketMQ Console' },
  description: 'Clusters, topics, consumer groups, lag, offsets and messages of Apache RocketMQ',
  icons: { icon: '/icon.svg' },
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>
          <div className="flex min-h-screen">
            <Sidebar />
            <div className="min-w-0 flex-1">
              <AuthBanner />
              <main className="px-6 py-5">{children}</main>
            </div>
          </div>
        </Providers>
      </body>
    </html>
  );
}
