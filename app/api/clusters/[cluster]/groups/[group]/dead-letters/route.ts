import { getDeadLetters } from '@/lib/console/dlq/overview';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** The group's retry and dead-letter topics: how many messages each holds, the oldest and newest. */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/dead-letters', permission: 'cluster:read' }, ({ ctx, params }) => getDeadLetters(ctx, { group: params.group! }));
