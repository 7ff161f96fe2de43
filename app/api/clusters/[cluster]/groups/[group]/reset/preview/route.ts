import { previewReset } from '@/lib/console/reset/preview';
import { ResetPreviewBody } from '@/lib/console/reset/schema';
import { route } from '../../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Where a reset would move the group, per queue; changes nothing. */
export const POST = route({ route: '/api/clusters/[cluster]/groups/[group]/reset/preview', permission: 'offset:reset', body: ResetPreviewBody }, ({ ctx, params, body }) =>
  previewReset(ctx, { group: params.group!, ...body }),
);
