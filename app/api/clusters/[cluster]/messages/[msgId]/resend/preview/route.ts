import { previewResend } from '@/lib/console/messages/resend';
import { ResendPreviewBody } from '@/lib/console/messages/schema';
import { route } from '../../../../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Which stored message goes to which client of the group; 409 no_online_client. */
export const POST = route({ route: '/api/clusters/[cluster]/messages/[msgId]/resend/preview', permission: 'message:resend', body: ResendPreviewBody }, ({ ctx, params, body }) =>
  previewResend(ctx, { msgId: params.msgId!, ...body }),
);
