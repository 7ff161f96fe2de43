import type { ClusterContext } from '../context';
import type { BrokerFailure } from '../core/fanout';
import { queryIndex } from './index-query';
import { toSummary, type MessageSummary } from './model';
import { goneFromRoute, routeTargets } from './targets';

export interface KeySearch {
  topic: string;
  key: string;
  begin: number;
  end: number;
  limit: number;
}

export interface KeySearchResult extends KeySearch {
  /** Newest first. */
  items: MessageSummary[];
  /** More messages with the key exist in the window than `limit`. */
  more: boolean;
  failures: BrokerFailure[];
  requests: number;
  /** Seconds with more than 64 matches per broker, read from the queues (the index cannot page through them). */
  scans: number;
  asOf: number;
}

export const DEFAULT_KEY_LIMIT = 1000;
export const MAX_KEY_LIMIT = 10_000;

/** Messages of a topic whose KEYS hold the key (any of them, not only the first), from every broker's index. */
export async function searchByKey(ctx: ClusterContext, search: KeySearch): Promise<KeySearchResult> {
  const { admin } = ctx;
  const targets = await routeTargets(admin, search.topic);
  const gone = await goneFromRoute(admin, search.topic, targets.map((t) => t.brokerName));
  const result = await queryIndex(admin, targets, search, admin.config.fanOutDeadlineMs * 3);
  return {
    ...search,
    items: result.hits.map((h) => toSummary(h.message, h.brokerName)),
    more: result.more,
    failures: [...result.failures, ...gone],
    requests: result.requests,
    scans: result.scans,
    asOf: Date.now(),
  };
}
