import { getTopicGroups } from '@/lib/console/topics/groups';
import { pathParam, respond } from '../../../_lib/respond';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export function GET(_request: Request, { params }: { params: Promise<{ topic: string }> }) {
  return respond('/api/topics/[topic]/groups', async () => getTopicGroups(pathParam((await params).topic, 'topic')));
}
