import { AuditIdParam } from '@/lib/console/audit/schema';
import { ApplyBody } from '@/lib/console/reset/schema';
import { applyUndo } from '@/lib/console/reset/undo';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Applies an undo preview as a new audited reset linked to the original. */
export const POST = route({ route: '/api/clusters/[cluster]/audit/[auditId]/undo', permission: 'audit:undo', body: ApplyBody }, ({ change, params, body }) =>
  applyUndo(change, { ...AuditIdParam.parse(params), previewId: body.previewId, confirm: body.confirm }),
);
