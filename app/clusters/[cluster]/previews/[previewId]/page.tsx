import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { paths } from '@/components/paths';
import { KeptPreviewView } from '@/components/previews/KeptPreviewView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('previews'))('title') };
}

/** Where a plan prepared elsewhere (an assistant through MCP) is reviewed and confirmed by a person. */
export default async function KeptPreviewPage({ params }: { params: Promise<{ cluster: string; previewId: string }> }) {
  const page = await clusterPage(params);
  const { previewId } = await params;
  const t = await getTranslations('previews');
  return (
    <>
      <PageHeader crumbs={[{ label: t('auditLog'), href: paths.audit(page.ctx.name) }, { label: t('crumb') }]} title={t('title')} />
      {page.refused ? <Refused refusal={page.refused} /> : <KeptPreviewView previewId={previewId} />}
    </>
  );
}
