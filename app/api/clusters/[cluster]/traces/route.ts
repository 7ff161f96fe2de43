import { getTracesByKey } from '@/lib/console/traces/trace';
import { TraceKeyQuery } from '@/lib/console/traces/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The traces of every message with a key. */
export const GET = route({ route: '/api/clusters/[cluster]/traces', permission: 'cluster:read', query: TraceKeyQuery }, ({ ctx, query }) => getTracesByKey(ctx, query));
