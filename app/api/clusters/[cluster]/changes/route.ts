import { applyAnyChange, applyAnyChangeStreamed } from '@/lib/console/change-kinds';
import { ChangeApplyBody } from '@/lib/console/changes/schema';
import { route } from '../../../_lib/handler';
import { ndjsonResponse, wantsNdjson } from '../../../_lib/ndjson';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * Applies a kept plan (audited first); 409 when another change of the target runs or the cluster moved since the
 * plan. Asked for NDJSON (`accept: application/x-ndjson`), it answers once the audit entry is written and streams
 * the progress: started (audit id, steps expected), each step as it ends, then done with the whole result. A client
 * that goes away stops the stream, not the change.
 */
export const POST = route({ route: '/api/clusters/[cluster]/changes', permission: 'cluster:change', body: ChangeApplyBody }, async ({ change, body, request }) => {
  const input = { previewId: body.previewId, confirm: body.confirm };
  if (!wantsNdjson(request)) return applyAnyChange(change, input);
  return ndjsonResponse(await applyAnyChangeStreamed(change, input), { log: change.log, what: 'streamed change' });
});
