import { alertHistory } from '@/lib/console/alerts/view';
import { AlertHistoryQuery } from '@/lib/console/alerts/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Transitions of the cluster's alerts, newest first. */
export const GET = route({ route: '/api/clusters/[cluster]/alerts/history', permission: 'cluster:read', query: AlertHistoryQuery }, ({ ctx, query }) => alertHistory(ctx, query));
