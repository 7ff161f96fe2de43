import type { Metadata } from 'next';
import { AdminSessions } from '@/components/auth/AdminSessions';
import { HydrationGate } from '@/components/HydrationGate';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { consolePage } from '../../_lib/page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sessions' };

export default async function SessionsPage() {
  const page = await consolePage('console:admin');
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Admin' }, { label: 'Sessions', href: '/admin/sessions' }]}
        title="Sessions and API tokens"
        subtitle="Every browser signed in and every live API token. Revoking one refuses its next request."
        actions={<a href="/admin/users" className="text-sm font-medium text-blue-700 hover:underline">← Users</a>}
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
