import { getTopicRoute } from '@/lib/console/topics/detail';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The topic's route (= mqadmin topicRoute). */
export const GET = route({ route: '/api/clusters/[cluster]/topics/[topic]/route', permission: 'cluster:read' }, ({ ctx, params }) => getTopicRoute(ctx, { topic: params.topic! }));
