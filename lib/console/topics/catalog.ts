import { getAllTopicConfig, type TopicConfig } from '../../rocketmq/get-all-topic-config';
import { getAllTopicList } from '../../rocketmq/get-all-topic-list';
import { ORDER_TOPIC_CONFIG_NAMESPACE } from '../../rocketmq/get-kv-config';
import { getKvListByNamespace } from '../../rocketmq/get-kvlist-by-namespace';
import { permText } from '../../rocketmq/get-route-info-by-topic';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { getAdmin, type AdminClient, type BrokerNode } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { DLQ_PREFIX, isSystemTopic, RETRY_PREFIX } from '../core/names';

export const TOPIC_TYPES = ['NORMAL', 'FIFO', 'DELAY', 'TRANSACTION', 'MIXED', 'RETRY', 'DLQ', 'SYSTEM'] as const;
export type TopicType = (typeof TOPIC_TYPES)[number];

export interface TopicListItem {
  topic: string;
  type: TopicType;
  /** Brokers (masters) holding a config for the topic. Names that only the namesrv lists have none. */
  brokers: string[];
  readQueueNums: number;
  writeQueueNums: number;
  perm: string;
  /** Enrichment of the visible page: messages kept (Σ max−min) and the store time of the newest one. */
  messages?: number;
  lastUpdateTimestamp?: number;
}

export interface TopicCatalog {
  items: TopicListItem[];
  failures: BrokerFailure[];
  asOf: number;
}

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

/** Decides a topic's type from its name and config, as an operator reads it (design: type badge). */
export function topicType(topic: string, configs: TopicConfig[], ordered: boolean, system: boolean): TopicType {
  if (topic.startsWith(RETRY_PREFIX)) return 'RETRY';
  if (topic.startsWith(DLQ_PREFIX)) return 'DLQ';
  if (system) return 'SYSTEM';
  const declared = configs.map((c) => c.attributes['message.type']).find((t) => t && t !== 'UNSPECIFIED');
  if (declared === 'FIFO' || declared === 'DELAY' || declared === 'TRANSACTION' || declared === 'MIXED') return declared;
  if (ordered || configs.some((c) => c.order)) return 'FIFO';
  return 'NORMAL';
}

const CATALOG_TTL_MS = 5000;
const catalogs = new WeakMap<AdminClient, { at: number; value: Promise<TopicCatalog> }>();

/**
 * Every topic with its type and queue counts: the namesrv's list, each master's topic configs and the ordered-topic
 * KV. Cached for a few seconds so paging, sorting and searching cost no broker calls.
 */
export function topicCatalog(admin: AdminClient = getAdmin(), maxAgeMs = CATALOG_TTL_MS): Promise<TopicCatalog> {
  const cached = catalogs.get(admin);
  if (cached && Date.now() - cached.at <= maxAgeMs) return cached.value;
  const value = buildCatalog(admin);
  catalogs.set(admin, { at: Date.now(), value });
  value.catch(() => {
    if (catalogs.get(admin)?.value === value) catalogs.delete(admin);
  });
  return value;
}

async function buildCatalog(admin: AdminClient): Promise<TopicCatalog> {
  const timeout = admin.config.requestTimeoutMs;
  const [list, info, orderConf, masters] = await Promise.all([
    admin.namesrv((ns) => getAllTopicList(admin, ns, timeout)),
    admin.clusterInfoCached(),
    admin.namesrv((ns) => getKvListByNamespace(admin, ns, ORDER_TOPIC_CONFIG_NAMESPACE, timeout)),
    admin.readableBrokers(),
  ]);
  const configs = await fanOut(masters, (b) => getAllTopicConfig(admin, b.addr, timeout), admin.config.fanOutDeadlineMs);
  const byTopic = new Map<string, Array<{ brokerName: string; config: TopicConfig }>>();
  for (const { target, value } of configs.results) {
    for (const [topic, config] of value) {
      const list2 = byTopic.get(topic) ?? [];
      list2.push({ brokerName: target.brokerName, config });
      byTopic.set(topic, list2);
    }
  }
  const names = new Set<string>([...info.clusters.keys(), ...info.brokers.keys()]);
  const items = list.topics.map((topic): TopicListItem => {
    const held = byTopic.get(topic) ?? [];
    const system = isSystemTopic(topic, names, admin.config.traceTopic);
    return {
      topic,
      type: topicType(topic, held.map((h) => h.config), topic in orderConf, system),
      brokers: held.map((h) => h.brokerName).sort(),
      readQueueNums: held.reduce((n, h) => n + h.config.readQueueNums, 0),
      writeQueueNums: held.reduce((n, h) => n + h.config.writeQueueNums, 0),
      perm: held[0] ? permText(held[0].config.perm) : '',
    };
  });
  return { items, failures: configs.failures.map((f) => f.failure), asOf: Date.now() };
}

export async function listTopics(query: TopicQuery, admin: AdminClient = getAdmin()): Promise<TopicPage> {
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
