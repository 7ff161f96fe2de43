import { z } from 'zod';
import { auditEntry } from '@/lib/console/reset/queries';
import { respond } from '../../_lib/respond';
import { AuditId } from '../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ auditId: string }> }) {
  return respond('/api/audit/[auditId]', async () => auditEntry(z.object({ auditId: AuditId }).parse(await params).auditId));
}
