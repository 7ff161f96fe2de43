import { getTopicGroups } from '@/lib/console/topics/groups';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Groups consuming the topic, with their lag on it. */
export const GET = route({ route: '/api/clusters/[cluster]/topics/[topic]/groups', permission: 'cluster:read' }, ({ ctx, params }) => getTopicGroups(ctx, { topic: params.topic! }));
