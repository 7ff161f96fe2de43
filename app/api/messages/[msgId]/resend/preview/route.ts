import { resendPreview } from '@/lib/console/messages/queries';
import { parseBody, pathParam, respond } from '../../../../_lib/respond';
import { ResendPreviewBody } from '../../../schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Which client of the group would get the message again; sends nothing. */
export function POST(request: Request, { params }: { params: Promise<{ msgId: string }> }) {
  return respond(
    '/api/messages/[msgId]/resend/preview',
    async () => {
      const msgId = pathParam((await params).msgId, 'msgId');
      return resendPreview({ msgId, ...(await parseBody(request, ResendPreviewBody)) });
    },
    'POST',
  );
}
