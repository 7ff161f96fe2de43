import { getScheduleOverview } from '@/lib/console/scheduled/overview';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Delayed messages per master: each delay level's backlog and next due time; on 5.x the timer wheel and its pending topics. */
export const GET = route({ route: '/api/clusters/[cluster]/scheduled', permission: 'cluster:read' }, ({ ctx }) => getScheduleOverview(ctx));
