import { getTopicStatus } from '@/lib/console/topics/detail';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Per-queue offsets (= mqadmin topicStatus). */
export const GET = route({ route: '/api/clusters/[cluster]/topics/[topic]/status', permission: 'cluster:read' }, ({ ctx, params }) => getTopicStatus(ctx, { topic: params.topic! }));
