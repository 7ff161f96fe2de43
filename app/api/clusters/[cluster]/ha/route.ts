import { getHaOverview } from '@/lib/console/ha/overview';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Each broker group's master and slaves, how far behind each slave is, and what a missing master means. */
export const GET = route({ route: '/api/clusters/[cluster]/ha', permission: 'cluster:read' }, ({ ctx }) => getHaOverview(ctx));
