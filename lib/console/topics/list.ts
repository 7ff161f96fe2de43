import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import type { AdminClient, BrokerNode } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';
import { topicCatalog, type TopicCatalog, type TopicListItem, type TopicType } from './catalog';

export const TOPIC_SORTS = ['name', 'type', 'queues', 'brokers'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

export interface TopicQuery {
  search?: string;
  type?: TopicType;
  hideSystem?: boolean;
  sort?: TopicSort;
  desc?: boolean;
  page: number;
  pageSize: number;
}

export interface TopicPage extends TopicCatalog {
  total: number;
  page: number;
  pageSize: number;
}

/** A page of the topic catalog, searched and sorted without broker calls; only the visible rows are enriched. */
export async function listTopics(ctx: ClusterContext, query: TopicQuery): Promise<TopicPage> {
  const { admin } = ctx;
  const catalog = await topicCatalog(admin);
  const needle = query.search?.trim().toLowerCase();
  let items = catalog.items.filter(
    (t) =>
      (!needle || t.topic.toLowerCase().includes(needle)) &&
      (!query.type || t.type === query.type) &&
      (!query.hideSystem || t.type !== 'SYSTEM'),
  );
  items = sortTopics(items, query.sort ?? 'name', query.desc ?? false);
  const total = items.length;
  const start = (query.page - 1) * query.pageSize;
  const page = items.slice(start, start + query.pageSize).map((t) => ({ ...t }));
  const enrichment = await enrichWithStats(page, admin);
  return {
    items: page,
    total,
    page: query.page,
    pageSize: query.pageSize,
    failures: [...catalog.failures, ...enrichment],
    asOf: catalog.asOf,
  };
}

function sortTopics(items: TopicListItem[], sort: TopicSort, desc: boolean): TopicListItem[] {
  const byName = (a: TopicListItem, b: TopicListItem) => a.topic.localeCompare(b.topic);
  const compare: Record<TopicSort, (a: TopicListItem, b: TopicListItem) => number> = {
    name: byName,
    type: (a, b) => a.type.localeCompare(b.type) || byName(a, b),
    queues: (a, b) => a.writeQueueNums - b.writeQueueNums || byName(a, b),
    brokers: (a, b) => a.brokers.length - b.brokers.length || byName(a, b),
  };
  const sorted = [...items].sort(compare[sort]);
  return desc ? sorted.reverse() : sorted;
}

/** Adds message counts and last write time to the visible rows only: one GET_TOPIC_STATS_INFO per row and broker. */
async function enrichWithStats(rows: TopicListItem[], admin: AdminClient): Promise<BrokerFailure[]> {
  const masters = new Map((await admin.readableBrokers()).map((b) => [b.brokerName, b]));
  const calls: Array<BrokerNode & { row: TopicListItem }> = [];
  for (const row of rows) {
    for (const brokerName of row.brokers) {
      const node = masters.get(brokerName);
      if (node) calls.push({ ...node, row });
    }
  }
  const { results, failures } = await fanOut(
    calls,
    (c) => getTopicStatsInfo(admin, c.addr, c.row.topic, admin.config.requestTimeoutMs),
    admin.config.fanOutDeadlineMs,
  );
  for (const { target, value } of results) {
    const row = target.row;
    row.messages = (row.messages ?? 0) + value.reduce((n, q) => n + (q.maxOffset - q.minOffset), 0);
    const last = Math.max(0, ...value.map((q) => q.lastUpdateTimestamp));
    if (last > 0) row.lastUpdateTimestamp = Math.max(row.lastUpdateTimestamp ?? 0, last);
  }
  // one line per broker, however many rows it failed for
  const seen = new Set<string>();
  return failures.map((f) => f.failure).filter((f) => !seen.has(f.addr) && seen.add(f.addr));
}
