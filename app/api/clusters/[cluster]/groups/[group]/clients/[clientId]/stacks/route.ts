import { getClientStacks } from '@/lib/console/groups/stacks';
import { route } from '../../../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One client's thread stacks (mqadmin consumerStatus -s), busy consume threads first. */
export const GET = route({ route: '/api/clusters/[cluster]/groups/[group]/clients/[clientId]/stacks', permission: 'cluster:read' }, ({ ctx, params }) =>
  getClientStacks(ctx, { group: params.group!, clientId: params.clientId! }),
);
