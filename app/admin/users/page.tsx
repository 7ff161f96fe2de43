import type { Metadata } from 'next';
import { UsersAdmin } from '@/components/auth/UsersAdmin';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { consolePage } from '../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const page = await consolePage('console:admin');
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Admin' }, { label: 'Users', href: '/admin/users' }]}
        title="Users"
        subtitle="Who may sign in, and their role on each cluster: viewer reads everything but message bodies; operator also reads bodies, resets offsets, undoes and resends; admin also manages users."
        actions={<a href="/admin/sessions" className="text-sm font-medium text-blue-700 hover:underline">Sessions and tokens →</a>}
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
