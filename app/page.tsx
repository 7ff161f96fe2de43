import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { HomeView } from '@/components/home/HomeView';
import { PageHeader } from '@/components/shell/PageHeader';
import { getHome } from '@/lib/console/cluster/home';
import { theConsole } from './_lib/console';
import { currentPrincipal, signInFirst } from './_lib/page';

export const dynamic = 'force-dynamic';
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('home'))('title') };
}

export default async function Home() {
  const app = theConsole();
  const principal = await currentPrincipal();
  if (!principal) return signInFirst();
  if (principal.mustChangePassword) redirect('/account');
  const initial = await getHome(app, principal);
  const t = await getTranslations('home');
  return (
    <>
      <PageHeader crumbs={[{ label: t('title') }]} title={t('title')} subtitle={t('subtitle')} />
      <HomeView initial={initial} />
    </>
  );
}
