import { listTopics, TOPIC_SORTS } from '@/lib/console/topics/catalog';
import { TopicListQuery } from './schema';
import { parseQuery, respond } from '../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return respond('/api/topics', async () => {
    const q = parseQuery(request.url, TopicListQuery);
    return listTopics({
      search: q.search,
      type: q.type,
      hideSystem: q.system === 'hide',
      sort: q.sort.replace(/^-/, '') as (typeof TOPIC_SORTS)[number],
      desc: q.sort.startsWith('-'),
      page: q.page,
      pageSize: q.pageSize,
    });
  });
}
