import { listTopics } from '@/lib/console/topics/list';
import { TopicListQuery } from '@/lib/console/topics/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A page of the topic catalog (search, type, system, sort, page, pageSize). */
export const GET = route({ route: '/api/clusters/[cluster]/topics', permission: 'cluster:read', query: TopicListQuery }, ({ ctx, query }) => listTopics(ctx, query));
