import { listGroups } from '@/lib/console/groups/queries';
import { parseQuery, respond } from '../_lib/respond';
import { GroupListQuery } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return respond('/api/groups', async () => {
    const q = parseQuery(request.url, GroupListQuery);
    return listGroups(
      { search: q.search, hideSystem: q.system === 'hide', sort: q.sort.replace(/^-/, '') as never, desc: q.sort.startsWith('-'), page: q.page, pageSize: q.pageSize },
      { refresh: Boolean(q.refresh) },
    );
  });
}
