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
}

const LIMIT = { pages: 6, clusters: 5, topics: 8, groups: 8, brokers: 5 } as const;

/** The cluster's own pages and the console's, as jump targets. */
function pages(cluster: string | undefined): PaletteItem[] {
  const own = cluster ? NAV.map((n) => ({ label: n.label, href: n.path(cluster), detail: cluster })) : [];
  return [...own, { label: 'All clusters', href: paths.home(), detail: 'home' }, { label: 'Account', href: '/account', detail: 'password, sessions, API tokens' }].map((p) => ({ ...p, kind: 'page', value: `page ${p.href}` }));
}

/** Where a group or topic of the current cluster, a broker or a cluster leads. */
function nameItems(input: PaletteInput) {
  const c = input.context.cluster;
  const n = input.names;
  return {
    clusters: input.clusters.map((name): PaletteItem => ({ kind: 'cluster', label: name, href: paths.cluster(name), value: `cluster ${name}`, detail: name === c ? 'this cluster' : 'cluster' })),
    topics: c && n ? n.topics.map((t): PaletteItem => ({ kind: 'topic', label: t.topic, href: paths.topic(c, t.topic), value: `topic ${t.topic}`, detail: t.type.toLowerCase() })) : [],
    groups: c && n ? n.groups.map((g): PaletteItem => ({ kind: 'group', label: g.group, href: paths.group(c, g.group), value: `group ${g.group}`, detail: g.system ? 'system group' : 'consumer group' })) : [],
    brokers: c && n ? n.brokers.map((b): PaletteItem => ({ kind: 'broker', label: `${b.brokerName} ${b.brokerId === 0 ? 'master' : `slave ${b.brokerId}`}`, href: paths.broker(c, b.addr), value: `broker ${b.addr}`, detail: `${b.addr} · ${b.clusterName}` })) : [],
  };
}

const SYSTEM_DETAIL = new Set(['system', 'retry', 'dlq', 'system group']);

function ranked(query: string, items: PaletteItem[], limit: number): Ranked<PaletteItem> {
  // brokers match by address too: an operator pastes 10.0.0.1:10911 from a log line
  return rank(query, items, (i) => (i.kind === 'broker' ? `${i.label} ${i.detail ?? ''}` : i.label), limit, (i) => SYSTEM_DETAIL.has(i.detail ?? ''));
}

/** What the text means besides a name: open a message, search by key, preview a reset. */
function actions(input: PaletteInput): { first: PaletteItem[]; last: PaletteItem[] } {
  const { cluster: c, topic, group, resetRefused } = input.context;
  const first: PaletteItem[] = [];
  const last: PaletteItem[] = [];
  if (!c) return { first, last };
  for (const r of recognize(input.query, input.now)) {
    if (r.kind === 'msgId') {
      // on a topic's page the id is looked up in that topic: a client msgId whose producer did not trace needs it
      const where = r.storeHost ? `offsetMsgId? stored on ${r.storeHost}` : topic ? `msgId in ${topic}, or offsetMsgId` : 'msgId or offsetMsgId';
      first.push({ kind: 'message', label: `Open message ${r.id}`, href: paths.message(c, r.id, r.storeHost ? undefined : topic), value: `message ${r.id}`, detail: where });
    } else if (r.kind === 'timestamp' && group) {
      const at = input.formatTime(r.ms);
      first.push({ kind: 'reset', label: `Reset ${group} to ${at} — preview`, href: `${paths.group(c, group)}?resetAt=${r.ms}`, value: `reset ${r.ms}`, detail: 'preview only: nothing changes until you confirm', disabledReason: resetRefused });
    } else if (r.kind === 'key') {
      last.push(...keySearches(c, r.key, topic, input.recent));
    }
  }
  return { first, last };
}

/**
 * A key search needs a topic (each broker's index is per topic): the topic on screen, the topics opened lately, and
 * the key search page with only the key filled.
 */
function keySearches(c: string, key: string, current: string | undefined, recent: readonly RecentItem[]): PaletteItem[] {
  const topics = [...new Set([...(current ? [current] : []), ...recent.filter((r) => r.kind === 'topic').map((r) => r.label)])].slice(0, 3);
  const search = (q: Record<string, string>) => `${paths.messages(c)}?${new URLSearchParams({ mode: 'key', ...q })}`;
  return [
    ...topics.map((t): PaletteItem => ({ kind: 'key', label: `Search messages by key ${key} in ${t}`, href: search({ topic: t, key }), value: `key ${t} ${key}`, detail: 'every master’s index' })),
    { kind: 'key', label: `Search messages by key ${key}…`, href: search({ key }), value: `key * ${key}`, detail: 'choose the topic on the search page' },
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
  const all = nameItems(input);
  if (query === '') {
    return [
      { heading: 'Recent', items: input.recent.map((r) => ({ ...r, value: `recent ${r.href}` })), more: 0 },
      { heading: 'Pages', items: pages(input.context.cluster), more: 0 },
      { heading: 'Clusters', items: all.clusters, more: 0 },
    ].filter((s) => s.items.length > 0);
  }
  const { first, last } = actions({ ...input, query });
  const sections = [
    { heading: 'Pages', r: ranked(query, pages(input.context.cluster), LIMIT.pages) },
    { heading: 'Topics', r: ranked(query, all.topics, LIMIT.topics) },
    { heading: 'Consumer groups', r: ranked(query, all.groups, LIMIT.groups) },
    { heading: 'Brokers', r: ranked(query, all.brokers, LIMIT.brokers) },
    { heading: 'Clusters', r: ranked(query, all.clusters, LIMIT.clusters) },
  ]
    .filter((s) => s.r.total > 0)
    .sort((a, b) => (b.r.best ?? 0) - (a.r.best ?? 0))
    .map((s) => ({ strong: s.r.best !== undefined && isStrong(s.r.best, query), section: { heading: s.heading, items: s.r.top, more: s.r.total - s.r.top.length } }));
  // a pasted key that no name holds is searched first; letters that merely occur in some names come after it
  const named = (strong: boolean) => sections.filter((s) => s.strong === strong).map((s) => s.section);
  return [{ heading: 'Go to', items: first, more: 0 }, ...named(true), { heading: 'Messages', items: last, more: 0 }, ...named(false)].filter((s) => s.items.length > 0);
}
