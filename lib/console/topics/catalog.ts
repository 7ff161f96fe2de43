import { getAllTopicConfig, type TopicConfig } from '../../rocketmq/get-all-topic-config';
import { getAllTopicList } from '../../rocketmq/get-all-topic-list';
import { ORDER_TOPIC_CONFIG_NAMESPACE } from '../../rocketmq/get-kv-config';
import { getKvListByNamespace } from '../../rocketmq/get-kvlist-by-namespace';
import { permText } from '../../rocketmq/get-route-info-by-topic';
import type { AdminClient } from '../core/admin';
import { fanOut, type BrokerFailure } from '../core/fanout';
import { DLQ_PREFIX, isSystemTopic, RETRY_PREFIX } from '../core/names';
import { compareNames } from './sort';

export const TOPIC_TYPES = ['NORMAL', 'FIFO', 'DELAY', 'TRANSACTION', 'PRIORITY', 'LITE', 'MIXED', 'RETRY', 'DLQ', 'SYSTEM'] as const;
export type TopicType = (typeof TOPIC_TYPES)[number];

export interface TopicListItem {
  topic: string;
  type: TopicType;
  /** Brokers (masters) holding a config for the topic. Names that only the namesrv lists have none. */
  brokers: string[];
  readQueueNums: number;
  writeQueueNums: number;
  perm: string;
  /**
   * Messages kept (Σ max−min) and the store time of the newest one: from the background topic stats, and read live
   * for the visible page. Undefined when unknown (not built yet, or no broker holding it answered), never 0.
   */
  messages?: number;
  lastUpdateTimestamp?: number;
  /** A broker that holds some of its queues did not answer: the numbers leave its queues out. */
  statsPartial?: boolean;
}

export interface TopicCatalog {
  items: TopicListItem[];
  failures: BrokerFailure[];
  asOf: number;
}

/** Decides a topic's type from its name and config, as an operator reads it (the type badge of the topic list). */
export function topicType(topic: string, configs: TopicConfig[], ordered: boolean, system: boolean): TopicType {
  if (topic.startsWith(RETRY_PREFIX)) return 'RETRY';
  if (topic.startsWith(DLQ_PREFIX)) return 'DLQ';
  if (system) return 'SYSTEM';
  const declared = configs.map((c) => c.attributes['message.type']).find((t) => t && t !== 'UNSPECIFIED');
  if (declared === 'FIFO' || declared === 'DELAY' || declared === 'TRANSACTION' || declared === 'PRIORITY' || declared === 'LITE' || declared === 'MIXED') return declared;
  if (ordered || configs.some((c) => c.order)) return 'FIFO';
  return 'NORMAL';
}

const CATALOG_TTL_MS = 5000;
/** How old a catalog a page may be given while a fresh one is read behind it. */
const CATALOG_STALE_MAX_MS = 120_000;

interface CachedCatalog {
  at: number;
  value: Promise<TopicCatalog>;
  /** The catalog once read: what a page gets while the next one is read. */
  ready?: TopicCatalog;
  next?: Promise<TopicCatalog>;
}
const catalogs = new WeakMap<AdminClient, CachedCatalog>();

/**
 * Every topic with its type and queue counts: the namesrv's list, each master's topic configs and the ordered-topic
 * KV. Cached for a few seconds so paging, sorting and searching cost no broker calls. With `stale`, a page past the
 * few seconds gets the catalog it has (up to two minutes old) while a fresh one is read behind it: at 20,000 topics
 * reading and decoding two masters' configs takes seconds, which no page view should wait for.
 */
export function topicCatalog(admin: AdminClient, maxAgeMs = CATALOG_TTL_MS, options: { stale?: boolean } = {}): Promise<TopicCatalog> {
  const cached = catalogs.get(admin);
  const age = cached ? Date.now() - cached.at : Number.POSITIVE_INFINITY;
  if (cached && age <= maxAgeMs) return cached.value;
  if (!cached) return read(admin);
  const { ready } = cached;
  // the first read still under way (a failed one is dropped from the cache): join it rather than read again
  if (!ready) return cached.value;
  // one read behind the cache at a time, whoever asks
  if (!cached.next) {
    const next = read(admin);
    cached.next = next;
    next.then(
      () => (cached.next = undefined),
      () => (cached.next = undefined),
    );
  }
  return options.stale && age <= CATALOG_STALE_MAX_MS ? Promise.resolve(ready) : cached.next;
}

/**
 * Drops the cached catalog after this console changed the topics (created, updated, deleted): the operator looks for
 * the change next, and a stale page would hide it for up to two minutes.
 */
export function forgetTopicCatalog(admin: AdminClient): void {
  catalogs.delete(admin);
}

/** One read of the catalog, cached once it is in (a failed one is forgotten). */
function read(admin: AdminClient): Promise<TopicCatalog> {
  const value = buildCatalog(admin);
  const entry: CachedCatalog = { at: Date.now(), value };
  const previous = catalogs.get(admin);
  // until this read ends, the cache keeps answering pages with the catalog it has
  if (!previous?.ready) catalogs.set(admin, entry);
  value.then(
    (catalog) => {
      entry.ready = catalog;
      entry.at = Date.now();
      const current = catalogs.get(admin);
      if (!current || current === entry || !current.ready || current.at <= entry.at) catalogs.set(admin, entry);
    },
    () => {
      if (catalogs.get(admin) === entry) catalogs.delete(admin);
    },
  );
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
  // kept in name order: the list's default sort is then a filter, and its other sorts are stable sorts of it
  items.sort((a, b) => compareNames(a.topic, b.topic));
  return { items, failures: configs.failures.map((f) => f.failure), asOf: Date.now() };
}
