import { z } from 'zod';
import { undoPreview } from '@/lib/console/reset/queries';
import { respond } from '../../../../_lib/respond';
import { AuditId } from '../../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Previews restoring the offsets the audited reset replaced. */
export function POST(_request: Request, { params }: { params: Promise<{ auditId: string }> }) {
  return respond('/api/audit/[auditId]/undo/preview', async () => undoPreview(z.object({ auditId: AuditId }).parse(await params).auditId), 'POST');
}
