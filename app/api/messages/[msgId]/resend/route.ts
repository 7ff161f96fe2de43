import { resendApply } from '@/lib/console/messages/queries';
import { parseBody, respond } from '../../../_lib/respond';
import { ResendApplyBody } from '../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Sends a previewed message to its client (CONSUME_MESSAGE_DIRECTLY), audited first; confirm is the group name. */
export function POST(request: Request) {
  return respond(
    '/api/messages/[msgId]/resend',
    async () => {
      const body = await parseBody(request, ResendApplyBody);
      return resendApply(body.previewId, body.confirm);
    },
    'POST',
  );
}
