import { getAccessControlView } from '@/lib/console/acl/simulate';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** ACL 2.0 users (never a password) and policies as every broker process keeps them, with the ones that differ. */
export const GET = route({ route: '/api/clusters/[cluster]/acl', permission: 'cluster:read' }, ({ ctx }) => getAccessControlView(ctx));
