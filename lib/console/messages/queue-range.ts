import { getMaxOffset } from '../../rocketmq/get-max-offset';
import { getMinOffset } from '../../rocketmq/get-min-offset';
import { searchOffsetByTimestamp } from '../../rocketmq/search-offset-by-timestamp';
import type { AdminClient } from '../core/admin';

/** Runs one call against a node of the broker (a BrokerReader moves on to a replica; a plain address does not). */
export type BrokerCall = <T>(fn: (addr: string) => Promise<T>) => Promise<T>;

/**
 * The offsets [next, stop) of one queue that hold the messages stored within [begin, end] (and maybe one either
 * side): the first offset at or after `begin` and the first after `end` come from SEARCH_OFFSET_BY_TIMESTAMP,
 * clamped to [min, max] (a pull outside makes a 4.9 master write an OFFSET_MOVED_EVENT). 4.9 answers any message
 * of the very millisecond, or the nearest one, not the first at or after the time, so the searches are for begin-1
 * and end+1 and the range is one message wider; the readers then keep messages by store time.
 */
export async function queueRangeForTime(admin: AdminClient, call: BrokerCall, topic: string, queueId: number, begin: number, end: number): Promise<{ next: number; stop: number }> {
  const timeoutMs = admin.config.requestTimeoutMs;
  const [min, max, first, after] = await Promise.all([
    call((addr) => getMinOffset(admin, addr, topic, queueId, timeoutMs)),
    call((addr) => getMaxOffset(admin, addr, topic, queueId, timeoutMs)),
    call((addr) => searchOffsetByTimestamp(admin, addr, topic, queueId, Math.max(0, begin - 1), timeoutMs)),
    call((addr) => searchOffsetByTimestamp(admin, addr, topic, queueId, end + 1, timeoutMs)),
  ]);
  const clamp = (n: number) => Math.min(Math.max(n, min), max);
  const next = clamp(first);
  return { next, stop: Math.max(next, Math.min(clamp(after) + 1, max)) };
}
