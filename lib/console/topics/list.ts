import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import type { AdminClient, BrokerNode } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';
import { topicCatalog, type TopicCatalog, type TopicListItem } from './catalog';
import { filterTopics, sortTopics, type TopicFilter, type TopicSort } from './sort';

export { TOPIC_SORTS, type TopicSort } from './sort';

export interface TopicQuery extends TopicFilter {
  sort?: TopicSort;
  desc?: boolean;
  page: number;
  pageSize: number;
}

/** The background stats the sorts by messages and last write used, and how old they are. */
export interface TopicStatsState {
  /** Start of the build the numbers come from; absent until the first build ends. */
  asOf?: number;
  durationMs?: number;
  /** The first build is running: numbers are being built, not missing. */
  pending: boolean;
  /** Calls made of calls planned, while a build runs. */
  progress?: { done: number; total: number };
}

export interface TopicPage extends TopicCatalog {
  total: number;
  page: number;
  pageSize: number;
  stats: TopicStatsState;
}

/**
 * A page of the topic catalog, searched, filtered and sorted on the server without a broker call per topic: the
 * sorts by messages and last write use the background stats (ctx.topicStats). The visible rows are then read live
 * (one GET_TOPIC_STATS_INFO per row and broker: pageSize rows), so the numbers an operator looks at are fresh; a row
 * whose live read failed keeps the background numbers, marked partial.
 */
export async function listTopics(ctx: ClusterContext, query: TopicQuery): Promise<TopicPage> {
  const { admin } = ctx;
  const service = ctx.topicStats;
  const table = service.peek();
  // without the background work (tests, the CLI) the first list asks for a build and says it is pending
  if (!table && !service.progress) void service.refresh().catch(() => undefined);
  const catalog = await topicCatalog(admin, undefined, { stale: true });
  const stats = (topic: string) => table?.get(topic);
  const items = sortTopics(filterTopics(catalog.items, query), query.sort ?? 'name', query.desc ?? false, stats);
  const total = items.length;
  const start = (query.page - 1) * query.pageSize;
  const page = items.slice(start, start + query.pageSize).map((t): TopicListItem => {
    const s = stats(t.topic);
    return { ...t, messages: s?.messages, lastUpdateTimestamp: s?.lastUpdateTimestamp, statsPartial: s?.partial || undefined };
  });
  const enrichment = await enrichWithStats(page, admin);
  const progress = service.progress;
  return {
    items: page,
    total,
    page: query.page,
    pageSize: query.pageSize,
    failures: dedupe([...catalog.failures, ...(table?.failures ?? []), ...enrichment]),
    asOf: catalog.asOf,
    stats: {
      asOf: table?.asOf,
      durationMs: table?.durationMs,
      pending: !table,
      progress: progress && progress.total > 0 ? { done: progress.done, total: progress.total } : undefined,
    },
  };
}

/**
 * Reads the visible rows live: one GET_TOPIC_STATS_INFO per row and broker. A row every broker answered for gets the
 * fresh numbers; a row with a broker that failed keeps the background ones, marked partial.
 */
export async function enrichWithStats(rows: TopicListItem[], admin: AdminClient): Promise<BrokerFailure[]> {
  const masters = new Map((await admin.readableBrokers()).map((b) => [b.brokerName, b]));
  const calls: Array<BrokerNode & { row: number }> = [];
  rows.forEach((row, i) => {
    for (const brokerName of row.brokers) {
      const node = masters.get(brokerName);
      if (node) calls.push({ ...node, row: i });
    }
  });
  const { results, failures } = await fanOut(
    calls,
    (c) => getTopicStatsInfo(admin, c.addr, rows[c.row]!.topic, admin.config.requestTimeoutMs),
    admin.config.fanOutDeadlineMs,
  );
  const live = rows.map(() => ({ messages: 0, last: 0, answered: 0 }));
  for (const { target, value } of results) {
    const acc = live[target.row]!;
    acc.answered++;
    for (const q of value) {
      acc.messages += q.maxOffset - q.minOffset;
      if (q.lastUpdateTimestamp > acc.last) acc.last = q.lastUpdateTimestamp;
    }
  }
  rows.forEach((row, i) => {
    const acc = live[i]!;
    const held = row.brokers.filter((b) => masters.has(b)).length;
    if (held > 0 && acc.answered === held) {
      row.messages = acc.messages;
      row.lastUpdateTimestamp = acc.last > 0 ? acc.last : undefined;
      row.statsPartial = held < row.brokers.length || undefined;
    } else if (held > 0) {
      row.statsPartial = true;
    }
  });
  return failures.map((f) => f.failure);
}

// one line per broker, however many rows and sources it failed for
function dedupe(failures: BrokerFailure[]): BrokerFailure[] {
  const seen = new Set<string>();
  return failures.filter((f) => !seen.has(f.addr) && seen.add(f.addr));
}
