import { z } from 'zod';
import { undoApply } from '@/lib/console/reset/queries';
import { parseBody, respond } from '../../../_lib/respond';
import { ResetApplyBody } from '../../../groups/reset-schema';
import { AuditId } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Applies an undo preview as a new audited reset linked to the original. */
export function POST(request: Request, { params }: { params: Promise<{ auditId: string }> }) {
  return respond(
    '/api/audit/[auditId]/undo',
    async () => {
      const auditId = z.object({ auditId: AuditId }).parse(await params).auditId;
      const { previewId, confirm } = await parseBody(request, ResetApplyBody);
      return undoApply(auditId, previewId, confirm);
    },
    'POST',
  );
}
