import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuditEntryView } from '@/components/audit/AuditEntryView';
import { paths } from '@/components/paths';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ auditId: string }> }): Promise<Metadata> {
  const t = await getTranslations('audit');
  return { title: t('page.entryMetaTitle', { id: (await params).auditId }) };
}

export default async function AuditEntryPage({ params }: { params: Promise<{ cluster: string; auditId: string }> }) {
  const page = await clusterPage(params);
  const id = Number((await params).auditId);
  if (!Number.isInteger(id) || id < 1) notFound();
  const t = await getTranslations('audit');
  return (
    <>
      <PageHeader crumbs={[{ label: t('page.title'), href: paths.audit(page.ctx.name) }, { label: `#${id}` }]} title={t('page.entryTitle', { id: String(id) })} />
      {page.refused ? <Refused refusal={page.refused} /> : <AuditEntryView auditId={id} />}
    </>
  );
}
