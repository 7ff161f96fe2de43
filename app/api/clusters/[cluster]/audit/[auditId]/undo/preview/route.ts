import { AuditIdParam } from '@/lib/console/audit/schema';
import { previewUndo } from '@/lib/console/reset/undo';
import { route } from '../../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Previews restoring the offsets an audited reset replaced. */
export const POST = route({ route: '/api/clusters/[cluster]/audit/[auditId]/undo/preview', permission: 'audit:undo' }, ({ ctx, params }) => previewUndo(ctx, AuditIdParam.parse(params)));
