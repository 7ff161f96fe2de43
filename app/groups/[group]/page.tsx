import type { Metadata } from 'next';
import { GroupDetailView } from '@/components/groups/GroupDetailView';
import { PageHeader } from '@/components/shell/PageHeader';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ group: string }> }): Promise<Metadata> {
  return { title: `Group ${decodeURIComponent((await params).group)}` };
}

export default async function GroupPage({ params }: { params: Promise<{ group: string }> }) {
  const group = decodeURIComponent((await params).group);
  return (
    <>
      <PageHeader
        crumbs={[{ label: 'Consumer groups', href: '/groups' }, { label: group }]}
        title={group}
        subtitle="Offsets per queue, lag in messages and in time, clients and their subscriptions."
      />
      <GroupDetailView group={group} />
    </>
  );
}
