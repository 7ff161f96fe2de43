import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { UsersAdmin } from '@/components/auth/UsersAdmin';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { consolePage } from '../../_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.users'))('title') };
}

export default async function UsersPage() {
  const page = await consolePage('console:admin');
  const t = await getTranslations('admin.users');
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('crumbAdmin') }, { label: t('title'), href: '/admin/users' }]}
        title={t('title')}
        subtitle={t('subtitle')}
        actions={<a href="/admin/sessions" className="text-sm font-medium text-blue-700 hover:underline">{t('toSessions')}</a>}
      />
      {page.refused ? (
        <Refused refusal={page.refused} />
      ) : (
        <HydrationGate>
          <UsersAdmin />
        </HydrationGate>
      )}
    </>
  );
}
