import { resetApply } from '@/lib/console/reset/queries';
import { parseBody, pathParam, respond } from '../../../_lib/respond';
import { ResetApplyBody } from '../../reset-schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Applies a preview (audited); 409 when another reset runs or the offsets moved since the preview. */
export function POST(request: Request, { params }: { params: Promise<{ group: string }> }) {
  return respond(
    '/api/groups/[group]/reset',
    async () => {
      const group = pathParam((await params).group, 'group');
      const { previewId, confirm } = await parseBody(request, ResetApplyBody);
      return resetApply(group, previewId, confirm);
    },
    'POST',
  );
}
