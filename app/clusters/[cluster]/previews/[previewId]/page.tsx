import type { Metadata } from 'next';
import { paths } from '@/components/paths';
import { KeptPreviewView } from '@/components/previews/KeptPreviewView';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Review a planned change' };

/** Where a plan prepared elsewhere (an assistant through MCP) is reviewed and confirmed by a person. */
export default async function KeptPreviewPage({ params }: { params: Promise<{ cluster: string; previewId: string }> }) {
  const page = await clusterPage(params);
  const { previewId } = await params;
  return (
    <>
      <PageHeader crumbs={[{ label: 'Audit log', href: paths.audit(page.ctx.name) }, { label: 'Planned change' }]} title="Review a planned change" />
      {page.refused ? <Refused refusal={page.refused} /> : <KeptPreviewView previewId={previewId} />}
    </>
  );
}
