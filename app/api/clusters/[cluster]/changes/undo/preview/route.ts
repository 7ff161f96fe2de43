import { previewChangeUndo } from '@/lib/console/change-kinds';
import { ChangeUndoBody } from '@/lib/console/changes/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Plans taking back an audited change from its before-image; apply it like any change. */
export const POST = route({ route: '/api/clusters/[cluster]/changes/undo/preview', permission: 'cluster:change', body: ChangeUndoBody }, ({ ctx, body }) =>
  previewChangeUndo(ctx, { auditId: body.auditId }),
);
