import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminSessions } from '@/components/auth/AdminSessions';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { consolePage } from '../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.sessions'))('crumb') };
}

export default async function SessionsPage() {
  const page = await consolePage('console:admin');
  const t = await getTranslations('admin.sessions');
  const users = await getTranslations('admin.users');
  return (
    <>
      <PageHeader
        crumbs={[{ label: users('crumbAdmin') }, { label: t('crumb'), href: '/admin/sessions' }]}
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<a href="/admin/users" className="text-sm font-medium text-blue-700 hover:underline">{t('toUsers')}</a>}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <HydrationGate>
          <AdminSessions />
        </HydrationGate>
      )}
    </>
  );
}
