import { searchByKey } from '@/lib/console/messages/by-key';
import { KeySearchQuery } from '@/lib/console/messages/schema';
import { route } from '../../../_lib/handler';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Messages of a topic whose keys hold `key`, from every broker's index (= mqadmin queryMsgByKey, without its cap of 64). */
export const GET = route({ route: '/api/clusters/[cluster]/messages', permission: 'cluster:read', query: KeySearchQuery }, ({ ctx, query }) => searchByKey(ctx, query));
