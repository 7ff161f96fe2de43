import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { HomeView } from '@/components/home/HomeView';
import { PageHeader } from '@/components/shell/PageHeader';
import { getHome } from '@/lib/console/cluster/home';
import { theConsole } from './_lib/console';
import { currentPrincipal, signInFirst } from './_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'All clusters' };

export default async function Home() {
  const app = theConsole();
  const principal = await currentPrincipal();
  if (!principal) return signInFirst();
  if (principal.mustChangePassword) redirect('/account');
  const initial = await getHome(app, principal);
  return (
    <>
      <PageHeader crumbs={[{ label: 'All clusters' }]} title="All clusters" subtitle="Every configured cluster at a glance: brokers up or down, versions, consumer lag and the groups furthest behind." />
      <HomeView initial={initial} />
    </>
  );
}
