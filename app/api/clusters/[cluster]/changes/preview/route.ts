import { previewAnyChange } from '@/lib/console/change-kinds';
import { ChangePreviewBody } from '@/lib/console/changes/schema';
import { route } from '../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Plans a topic, group or configuration change from the live cluster: every target's before → after. Changes nothing. */
export const POST = route({ route: '/api/clusters/[cluster]/changes/preview', permission: 'cluster:change', body: ChangePreviewBody }, ({ ctx, body }) =>
  previewAnyChange(ctx, { action: body.action, request: body.request }),
);
