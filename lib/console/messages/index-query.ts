import { MAX_QUERY_NUM, matchesKey, queryMessage } from '../../rocketmq/query-message';
import type { StoredMessage } from '../../rocketmq/stored-message';
import type { AdminClient } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ReadTarget } from './targets';
import { scanWindow } from './window-scan';

export interface IndexQuery {
  topic: string;
  key: string;
  /** Store-time window, epoch ms, inclusive. */
  begin: number;
  end: number;
  /** Most messages to return over all brokers. */
  limit: number;
  uniqueKey?: boolean;
}

export interface IndexHit {
  message: StoredMessage;
  brokerName: string;
}

export interface IndexQueryResult {
  /** Newest first. */
  hits: IndexHit[];
  /** The limit stopped the search while a broker's index still had matches. */
  more: boolean;
  failures: BrokerFailure[];
  /** QUERY_MESSAGE calls made, over all brokers. */
  requests: number;
  /** Seconds read from the queues because the index could not page through them. */
  scans: number;
}

/**
 * QUERY_MESSAGE on every target, past the broker's cap of 64 per call: the index answers the newest 64 candidates
 * of the window, so a full page is followed by another whose window ends at the oldest candidate's store time (the
 * index keeps times to the second, so that second comes back again and is de-duplicated by commit-log offset).
 * Candidates are hash matches: only those whose keys really hold the key count.
 */
export async function queryIndex(admin: AdminClient, targets: ReadTarget[], q: IndexQuery, deadlineMs: number): Promise<IndexQueryResult> {
  let requests = 0;
  let scans = 0;
  const timeoutMs = admin.config.requestTimeoutMs * 3;
  const perBroker = async (t: ReadTarget) => {
    const hits: IndexHit[] = [];
    const seen = new Set<number>();
    let end = q.end;
    let more = false;
    for (;;) {
      const page = await queryMessage(admin, t.addr, { topic: q.topic, key: q.key, maxNum: MAX_QUERY_NUM, beginTimestamp: q.begin, endTimestamp: end, uniqueKey: q.uniqueKey }, timeoutMs);
      requests += 1;
      let fresh = 0;
      let oldest = Number.POSITIVE_INFINITY;
      for (const m of page.messages) {
        oldest = Math.min(oldest, m.storeTimestamp);
        if (seen.has(m.commitLogOffset)) continue;
        seen.add(m.commitLogOffset);
        fresh += 1;
        if (matchesKey(m, q.key, q.uniqueKey ?? false, q.topic)) hits.push({ message: m, brokerName: t.brokerName });
      }
      // a unique-key query always answers at most 32 (the broker's defaultQueryMaxNum): there is no next page
      if (q.uniqueKey || page.messages.length < MAX_QUERY_NUM) break;
      if (hits.length >= q.limit) {
        more = true;
        break;
      }
      if (fresh === 0) {
        // the index keeps times to the second: a second with more than 64 candidates comes back the same whatever
        // the window. Everything newer was seen; the rest of that second is read from the queues instead.
        const from = Math.max(q.begin, oldest - 1000);
        for (const m of await scanWindow(admin, t.addr, q.topic, t.queueIds, from, oldest, (x) => matchesKey(x, q.key, false, q.topic))) {
          if (!seen.has(m.commitLogOffset)) {
            seen.add(m.commitLogOffset);
            hits.push({ message: m, brokerName: t.brokerName });
          }
        }
        scans += 1;
        end = oldest - 1001;
      } else end = oldest;
      if (end < q.begin) break;
    }
    return { hits, more };
  };
  const { results, failures } = await fanOut(targets, perBroker, deadlineMs);
  const all = results.flatMap((r) => r.value.hits).sort((a, b) => b.message.storeTimestamp - a.message.storeTimestamp || b.message.commitLogOffset - a.message.commitLogOffset);
  return {
    hits: all.slice(0, q.limit),
    more: all.length > q.limit || results.some((r) => r.value.more),
    failures: failures.map((f) => f.failure),
    requests,
    scans,
  };
}
