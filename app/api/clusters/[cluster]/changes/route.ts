import { applyAnyChange } from '@/lib/console/change-kinds';
import { ChangeApplyBody } from '@/lib/console/changes/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Applies a kept plan (audited first); 409 when another change of the target runs or the cluster moved since the plan. */
export const POST = route({ route: '/api/clusters/[cluster]/changes', permission: 'cluster:change', body: ChangeApplyBody }, ({ change, body }) =>
  applyAnyChange(change, { previewId: body.previewId, confirm: body.confirm }),
);
