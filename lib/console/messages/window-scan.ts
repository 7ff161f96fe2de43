import { getMaxOffset } from '../../rocketmq/get-max-offset';
import { getMinOffset } from '../../rocketmq/get-min-offset';
import { pullMessage } from '../../rocketmq/pull-message';
import { searchOffsetByTimestamp } from '../../rocketmq/search-offset-by-timestamp';
import type { StoredMessage } from '../../rocketmq/stored-message';
import type { AdminClient } from '../admin';

/**
 * Every message of the given queues of one broker stored within [begin, end] that `keep` accepts, read by pulling
 * (as TOOLS_CONSUMER: no group, no offset committed). For short windows only: the key search uses it for a second
 * that holds more matches than the index answers in one call.
 */
export async function scanWindow(
  admin: AdminClient,
  addr: string,
  topic: string,
  queueIds: number[],
  begin: number,
  end: number,
  keep: (m: StoredMessage) => boolean,
): Promise<StoredMessage[]> {
  const timeout = admin.config.requestTimeoutMs;
  const perQueue = async (queueId: number) => {
    const [min, max, from] = await Promise.all([
      getMinOffset(admin, addr, topic, queueId, timeout),
      getMaxOffset(admin, addr, topic, queueId, timeout),
      searchOffsetByTimestamp(admin, addr, topic, queueId, begin, timeout),
    ]);
    const found: StoredMessage[] = [];
    // pulling outside [min, max) makes a 4.9 master write an OFFSET_MOVED_EVENT: stay inside
    let offset = Math.min(Math.max(from, min), max);
    while (offset < max) {
      const page = await pullMessage(admin, addr, { topic, queueId, queueOffset: offset, maxMsgNums: 32 }, timeout);
      if (page.status !== 'FOUND' || page.messages.length === 0) break;
      let past = false;
      for (const m of page.messages) {
        if (m.storeTimestamp > end) past = true;
        else if (m.storeTimestamp >= begin && keep(m)) found.push(m);
      }
      if (past || page.nextBeginOffset <= offset) break;
      offset = page.nextBeginOffset;
    }
    return found;
  };
  return (await Promise.all(queueIds.map(perQueue))).flat();
}
