import { applyResend } from '@/lib/console/messages/resend';
import { ResendApplyBody } from '@/lib/console/messages/schema';
import { route } from '../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Hands the previewed message to the previewed client (CONSUME_MESSAGE_DIRECTLY), audited first. */
export const POST = route({ route: '/api/clusters/[cluster]/messages/[msgId]/resend', permission: 'message:resend', body: ResendApplyBody }, ({ change, body }) =>
  applyResend(change, { previewId: body.previewId, confirm: body.confirm }),
);
