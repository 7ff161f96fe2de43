import { getGroupOverview } from '@/lib/console/groups/detail';
import { pathParam, respond } from '../../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ group: string }> }) {
  return respond('/api/groups/[group]', async () => getGroupOverview(pathParam((await params).group, 'group')));
}
