import { applyReset } from '@/lib/console/reset/apply';
import { ApplyBody } from '@/lib/console/reset/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Applies a preview (audited first); 409 when another reset runs or the offsets moved since the preview. */
export const POST = route({ route: '/api/clusters/[cluster]/groups/[group]/reset', permission: 'offset:reset', body: ApplyBody }, ({ change, params, body }) =>
  applyReset(change, { group: params.group!, previewId: body.previewId, confirm: body.confirm }),
);
