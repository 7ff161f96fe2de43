import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { StarButton } from '@/components/favourites/StarButton';
import { GroupDetailView } from '@/components/groups/GroupDetailView';
import { paths } from '@/components/paths';
import { PageHeader } from '@/components/shell/PageHeader';
import { Refused } from '@/components/ui/states';
import { clusterPage } from '../../../../_lib/page';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ group: string }> }): Promise<Metadata> {
  return { title: (await getTranslations('groups.page'))('groupTitle', { group: decodeURIComponent((await params).group) }) };
}

export default async function GroupPage({ params }: { params: Promise<{ cluster: string; group: string }> }) {
  const t = await getTranslations('groups.page');
  const page = await clusterPage(params);
  const group = decodeURIComponent((await params).group);
  return (
    <>
      <PageHeader
        crumbs={[{ label: t('title'), href: paths.groups(page.ctx.name) }, { label: group }]}
        title={
          <span className="flex items-center gap-2">
            {group} {!page.refused && <StarButton cluster={page.ctx.name} kind="group" name={group} />}
          </span>
        }
        subtitle={t('groupSubtitle')}
      />
      {page.refused ? <Refused refusal={page.refused} /> : <GroupDetailView group={group} />}
    </>
  );
}
