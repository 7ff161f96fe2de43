import { resetPreview } from '@/lib/console/reset/queries';
import { parseBody, pathParam, respond } from '../../../../_lib/respond';
import { ResetPreviewBody } from '../../../reset-schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Computes per queue where a reset would move the group; changes nothing. */
export function POST(request: Request, { params }: { params: Promise<{ group: string }> }) {
  return respond(
    '/api/groups/[group]/reset/preview',
    async () => {
      const group = pathParam((await params).group, 'group');
      const body = await parseBody(request, ResetPreviewBody);
      return resetPreview({ group, ...body });
    },
    'POST',
  );
}
