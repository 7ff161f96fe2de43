import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuditEntryView } from '@/components/audit/AuditEntryView';
import { PageHeader } from '@/components/shell/PageHeader';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ auditId: string }> }): Promise<Metadata> {
  return { title: `Audit #${(await params).auditId}` };
}

export default async function AuditEntryPage({ params }: { params: Promise<{ auditId: string }> }) {
  const { auditId } = await params;
  const id = Number(auditId);
  if (!Number.isInteger(id) || id < 1) notFound();
  return (
    <>
      <PageHeader crumbs={[{ label: 'Audit log', href: '/audit' }, { label: `#${id}` }]} title={`Audit entry #${id}`} />
      <AuditEntryView auditId={id} />
    </>
  );
}
