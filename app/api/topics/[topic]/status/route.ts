import { getTopicStatus } from '@/lib/console/topics/detail';
import { pathParam, respond } from '../../../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ topic: string }> }) {
  return respond('/api/topics/[topic]/status', async () => getTopicStatus(pathParam((await params).topic, 'topic')));
}
