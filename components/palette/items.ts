import type { ClusterNames } from '@/lib/console/cluster/names';
import { paths } from '../paths';
import { NAV } from '../shell/nav';
import { isStrong, rank, recognize, type Ranked } from './match';
import type { RecentItem } from './recent';

/** One line of the palette: where Enter leads, or why it cannot (disabledReason). */
export interface PaletteItem extends RecentItem {
  /** Unique among the lines shown: cmdk selects by it. */
  value: string;
  detail?: string;
  disabledReason?: string;
  /** Another name the line matches by (a page's English name, whatever the page's language). */
  alias?: string;
  /** System topics and groups: ranked after the operator's own. */
  system?: boolean;
}

export interface PaletteSection {
  heading: string;
  items: PaletteItem[];
  /** Matches not shown: the palette says "N more — keep typing". */
  more: number;
}

/** Where the operator is: the palette offers what fits there (a reset on a group page, a key search in this topic). */
export interface PaletteContext {
  cluster?: string;
  topic?: string;
  group?: string;
  /** Why the operator may not reset offsets on this cluster, if they may not. */
  resetRefused?: string;
}

export interface PaletteInput {
  query: string;
  context: PaletteContext;
  clusters: readonly string[];
  names?: ClusterNames;
  recent: readonly RecentItem[];
  now: number;
  /** Formats a time for the operator (the browser's zone): kept out so this module stays free of the browser. */
  formatTime: (ms: number) => string;
  /** The palette's words in the page's language (words.ts makes them from the catalog). */
  words: PaletteWords;
}

export type Heading = 'recent' | 'pages' | 'clusters' | 'topics' | 'groups' | 'brokers' | 'goTo' | 'messages';
export type NavKey = (typeof NAV)[number]['key'];

/** Every word the palette writes, so this module stays free of the catalogs. */
export interface PaletteWords {
  heading: (h: Heading) => string;
  page: (key: NavKey) => string;
  allClusters: string;
  home: string;
  account: string;
  accountDetail: string;
  thisCluster: string;
  cluster: string;
  systemGroup: string;
  consumerGroup: string;
  master: string;
  slave: (brokerId: number) => string;
  openMessage: (id: string) => string;
  storedOn: (host: string) => string;
  inTopic: (topic: string) => string;
  anyId: string;
  reset: (group: string, at: string) => string;
  resetDetail: string;
  keyIn: (key: string, topic: string) => string;
  keyAny: (key: string) => string;
  keyInDetail: string;
  keyAnyDetail: string;
}


const LIMIT = { pages: 6, clusters: 5, topics: 8, groups: 8, brokers: 5 } as const;

/** The cluster's own pages and the console's, as jump targets; a page also matches by its English name. */
function pages(cluster: string | undefined, w: PaletteWords): PaletteItem[] {
  const own = cluster ? NAV.map((n) => ({ label: w.page(n.key), alias: n.label, href: n.path(cluster), detail: cluster })) : [];
  return [...own, { label: w.allClusters, alias: 'All clusters', href: paths.home(), detail: w.home }, { label: w.account, alias: 'Account', href: '/account', detail: w.accountDetail }].map((p) => ({ ...p, kind: 'page', value: `page ${p.href}` }));
}

/** Where a group or topic of the current cluster, a broker or a cluster leads. */
function nameItems(input: PaletteInput, w: PaletteWords) {
  const c = input.context.cluster;
  const n = input.names;
  return {
    clusters: input.clusters.map((name): PaletteItem => ({ kind: 'cluster', label: name, href: paths.cluster(name), value: `cluster ${name}`, detail: name === c ? w.thisCluster : w.cluster })),
    topics: c && n ? n.topics.map((t): PaletteItem => ({ kind: 'topic', label: t.topic, href: paths.topic(c, t.topic), value: `topic ${t.topic}`, detail: t.type.toLowerCase(), system: SYSTEM_TYPES.has(t.type.toLowerCase()) })) : [],
    groups: c && n ? n.groups.map((g): PaletteItem => ({ kind: 'group', label: g.group, href: paths.group(c, g.group), value: `group ${g.group}`, detail: g.system ? w.systemGroup : w.consumerGroup, system: g.system })) : [],
    brokers: c && n ? n.brokers.map((b): PaletteItem => ({ kind: 'broker', label: `${b.brokerName} ${b.brokerId === 0 ? w.master : w.slave(b.brokerId)}`, href: paths.broker(c, b.addr), value: `broker ${b.addr}`, detail: `${b.addr} · ${b.clusterName}` })) : [],
  };
}

const SYSTEM_TYPES = new Set(['system', 'retry', 'dlq']);

function ranked(query: string, items: PaletteItem[], limit: number): Ranked<PaletteItem> {
  // brokers match by address too: an operator pastes 10.0.0.1:10911 from a log line
  return rank(query, items, (i) => (i.kind === 'broker' ? `${i.label} ${i.detail ?? ''}` : i.alias ? `${i.label} ${i.alias}` : i.label), limit, (i) => i.system === true);
}

/** What the text means besides a name: open a message, search by key, preview a reset. */
function actions(input: PaletteInput, w: PaletteWords): { first: PaletteItem[]; last: PaletteItem[] } {
  const { cluster: c, topic, group, resetRefused } = input.context;
  const first: PaletteItem[] = [];
  const last: PaletteItem[] = [];
  if (!c) return { first, last };
  for (const r of recognize(input.query, input.now)) {
    if (r.kind === 'msgId') {
      // on a topic's page the id is looked up in that topic: a client msgId whose producer did not trace needs it
      const where = r.storeHost ? w.storedOn(r.storeHost) : topic ? w.inTopic(topic) : w.anyId;
      first.push({ kind: 'message', label: w.openMessage(r.id), href: paths.message(c, r.id, r.storeHost ? undefined : topic), value: `message ${r.id}`, detail: where });
    } else if (r.kind === 'timestamp' && group) {
      const at = input.formatTime(r.ms);
      first.push({ kind: 'reset', label: w.reset(group, at), href: `${paths.group(c, group)}?resetAt=${r.ms}`, value: `reset ${r.ms}`, detail: w.resetDetail, disabledReason: resetRefused });
    } else if (r.kind === 'key') {
      last.push(...keySearches(c, r.key, topic, input.recent, w));
    }
  }
  return { first, last };
}

/**
 * A key search needs a topic (each broker's index is per topic): the topic on screen, the topics opened lately, and
 * the key search page with only the key filled.
 */
function keySearches(c: string, key: string, current: string | undefined, recent: readonly RecentItem[], w: PaletteWords): PaletteItem[] {
  const topics = [...new Set([...(current ? [current] : []), ...recent.filter((r) => r.kind === 'topic').map((r) => r.label)])].slice(0, 3);
  const search = (q: Record<string, string>) => `${paths.messages(c)}?${new URLSearchParams({ mode: 'key', ...q })}`;
  return [
    ...topics.map((t): PaletteItem => ({ kind: 'key', label: w.keyIn(key, t), href: search({ topic: t, key }), value: `key ${t} ${key}`, detail: w.keyInDetail })),
    { kind: 'key', label: w.keyAny(key), href: search({ key }), value: `key * ${key}`, detail: w.keyAnyDetail },
  ];
}

/**
 * The palette's sections for the text typed. Empty text: the recent items, then the pages and clusters. Otherwise
 * what the text reads as (a message id, a time on a group page) first, then names that hold the text, the section
 * with the best match first, each cut at a few lines with how many more matched, then key searches, then names the
 * text's letters are scattered through.
 */
export function paletteSections(input: PaletteInput): PaletteSection[] {
  const query = input.query.trim();
  const w = input.words;
  const h = w.heading;
  const all = nameItems(input, w);
  if (query === '') {
    return [
      { heading: h('recent'), items: input.recent.map((r) => ({ ...r, value: `recent ${r.href}` })), more: 0 },
      { heading: h('pages'), items: pages(input.context.cluster, w), more: 0 },
      { heading: h('clusters'), items: all.clusters, more: 0 },
    ].filter((s) => s.items.length > 0);
  }
  const { first, last } = actions({ ...input, query }, w);
  const sections = [
    { heading: h('pages'), r: ranked(query, pages(input.context.cluster, w), LIMIT.pages) },
    { heading: h('topics'), r: ranked(query, all.topics, LIMIT.topics) },
    { heading: h('groups'), r: ranked(query, all.groups, LIMIT.groups) },
    { heading: h('brokers'), r: ranked(query, all.brokers, LIMIT.brokers) },
    { heading: h('clusters'), r: ranked(query, all.clusters, LIMIT.clusters) },
  ]
    .filter((s) => s.r.total > 0)
    .sort((a, b) => (b.r.best ?? 0) - (a.r.best ?? 0))
    .map((s) => ({ strong: s.r.best !== undefined && isStrong(s.r.best, query), section: { heading: s.heading, items: s.r.top, more: s.r.total - s.r.top.length } }));
  // a pasted key that no name holds is searched first; letters that merely occur in some names come after it
  const named = (strong: boolean) => sections.filter((s) => s.strong === strong).map((s) => s.section);
  return [{ heading: h('goTo'), items: first, more: 0 }, ...named(true), { heading: h('messages'), items: last, more: 0 }, ...named(false)].filter((s) => s.items.length > 0);
}
