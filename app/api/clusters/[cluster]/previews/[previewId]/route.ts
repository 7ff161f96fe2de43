import { getKeptPreview } from '@/lib/console/previews/kept';
import { route } from '../../../../_lib/handler';
import { json } from '../../../../_lib/errors';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A kept preview (a reset or a change) by its id: what a confirm link opens. Refused to whoever could not apply it. */
export const GET = route({ route: '/api/clusters/[cluster]/previews/[previewId]', permission: 'cluster:read' }, async ({ ctx, params, may }) => {
  const kept = getKeptPreview(ctx, { previewId: params.previewId! });
  if (!may(kept.permission)) return json(403, 'forbidden', `confirming this ${kept.kind} needs the ${kept.permission} permission on cluster ${ctx.name}`, undefined, { permission: kept.permission });
  return kept;
});
