import { z } from 'zod';
import { getAccessControlView } from '@/lib/console/acl/simulate';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const Query = z
  .object({
    /** ACL 1.0: an access key to look up on every broker (whether each has it; its settings cannot be read). */
    account: z.string().trim().min(1, 'account is empty').max(64, 'account is longer than 64 characters').regex(/^[A-Za-z0-9._@-]+$/, 'account may hold letters, digits, ".", "_", "@" and "-"').optional(),
  })
  .strict();

/** ACL 2.0 users (never a password) and policies as every broker process keeps them; ACL 1.0 versions and one account's presence. */
export const GET = route({ route: '/api/clusters/[cluster]/acl', permission: 'cluster:read', query: Query }, ({ ctx, query }) => getAccessControlView(ctx, query));
