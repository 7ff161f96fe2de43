import { BadInputError } from '@/lib/console/core/errors';
import { listAudit } from '@/lib/console/reset/queries';
import { parseQuery, respond } from '../_lib/respond';
import { AuditListQuery } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return respond('/api/audit', async () => {
    const q = parseQuery(request.url, AuditListQuery);
    if (q.from !== undefined && q.to !== undefined && q.from > q.to) throw new BadInputError('from is after to', 'from');
    return listAudit(q);
  });
}
