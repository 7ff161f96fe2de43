import { FilterTestQuery } from '@/lib/console/filters/schema';
import { testFilter } from '@/lib/console/filters/test';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Which of the topic's messages in a window the brokers would deliver for a tag or SQL92 expression (or a group's
 * subscription), evaluated by the brokers themselves; an expression that would not compile is a 400 naming where.
 * Reads only (pulls without committing): a GET needing no more than cluster:read.
 */
export const GET = route({ route: '/api/clusters/[cluster]/topics/[topic]/filter-test', permission: 'cluster:read', query: FilterTestQuery }, ({ ctx, params, query }) => testFilter(ctx, { topic: params.topic!, ...query }));
