import { messagesByKey } from '@/lib/console/messages/queries';
import { parseQuery, respond } from '../_lib/respond';
import { KeySearchQuery } from './schema';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Messages of a topic whose keys hold `key`, from every broker's index (= mqadmin queryMsgByKey, without its cap of 64). */
export function GET(request: Request) {
  return respond('/api/messages', async () => messagesByKey(parseQuery(request.url, KeySearchQuery)));
}
