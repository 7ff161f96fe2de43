import { listAlerts } from '@/lib/console/alerts/view';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The cluster's pending, firing and just-resolved alerts, with silences, acknowledgements and what could not be evaluated. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts', permission: 'cluster:read' }, ({ ctx }) => listAlerts(ctx));
