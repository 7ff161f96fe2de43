import { getClusterOverview } from '@/lib/console/cluster/overview';
import { route } from '../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The default cluster's brokers: the URL of the one-cluster console, kept for scripts (= /api/clusters/{cluster}/brokers). */
export const GET = route({ route: '/api/clusters', permission: 'cluster:read' }, ({ ctx }) => getClusterOverview(ctx));
