import { pullMessage } from '../../rocketmq/pull-message';
import type { StoredMessage } from '../../rocketmq/stored-message';
import type { AdminClient } from '../core/admin';
import { queueRangeForTime } from './queue-range';
import { PULL_BATCH } from './scan';

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
    const range = await queueRangeForTime(admin, (fn) => fn(addr), topic, queueId, begin, end);
    const found: StoredMessage[] = [];
    for (let offset = range.next; offset < range.stop; ) {
      const page = await pullMessage(admin, addr, { topic, queueId, queueOffset: offset, maxMsgNums: Math.min(PULL_BATCH, range.stop - offset) }, timeout);
      if (page.status !== 'FOUND' || page.messages.length === 0) break;
      for (const m of page.messages) if (m.storeTimestamp >= begin && m.storeTimestamp <= end && keep(m)) found.push(m);
      if (page.nextBeginOffset <= offset) break;
      offset = page.nextBeginOffset;
    }
    return found;
  };
  return (await Promise.all(queueIds.map(perQueue))).flat();
}
