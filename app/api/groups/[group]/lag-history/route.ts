import { getLagHistory } from '@/lib/console/groups/queries';
import { parseQuery, pathParam, respond } from '../../../_lib/respond';
import { LagHistoryQuery } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request, { params }: { params: Promise<{ group: string }> }) {
  return respond('/api/groups/[group]/lag-history', async () => {
    const { range } = parseQuery(request.url, LagHistoryQuery);
    return getLagHistory(pathParam((await params).group, 'group'), range);
  });
}
