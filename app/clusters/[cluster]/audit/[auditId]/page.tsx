import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuditEntryView } from '@/components/audit/AuditEntryView';
import { paths } from '@/components/paths';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ auditId: string }> }): Promise<Metadata> {
  return { title: `Audit #${(await params).auditId}` };
}

export default async function AuditEntryPage({ params }: { params: Promise<{ cluster: string; auditId: string }> }) {
  const page = await clusterPage(params);
  const id = Number((await params).auditId);
  if (!Number.isInteger(id) || id < 1) notFound();
  return (
    <>
      <PageHeader crumbs={[{ label: 'Audit log', href: paths.audit(page.ctx.name) }, { label: `#${id}` }]} title={`Audit entry #${id}`} />
      {page.refused ? <Refused refusal={page.refused} /> : <AuditEntryView auditId={id} />}
    </>
  );
}
