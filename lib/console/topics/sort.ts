import type { TopicListItem, TopicType } from './catalog';
import type { TopicStatsRow } from './stats';

export const TOPIC_SORTS = ['name', 'type', 'queues', 'brokers', 'messages', 'lastWrite'] as const;
export type TopicSort = (typeof TOPIC_SORTS)[number];

export interface TopicFilter {
  search?: string;
  type?: TopicType;
  hideSystem?: boolean;
}

/** The catalog rows the search, type filter and system switch keep. */
export function filterTopics(items: readonly TopicListItem[], filter: TopicFilter): TopicListItem[] {
  const needle = filter.search?.trim().toLowerCase();
  return items.filter(
    (t) => (!needle || t.topic.toLowerCase().includes(needle)) && (!filter.type || t.type === filter.type) && (!filter.hideSystem || t.type !== 'SYSTEM'),
  );
}

/** The order of names the list has always used (localeCompare's), with one collator instead of one per comparison. */
export const compareNames = new Intl.Collator().compare;

/**
 * Sorts on the catalog and the background stats. `items` come in name order (the catalog keeps its rows so), and the
 * sort is stable: ties stay by name, ascending whatever the direction, so a page is stable. A topic whose number is
 * unknown (not built yet, or no broker holding it answered) goes last in either direction: an unknown count is
 * neither the largest nor 0.
 */
export function sortTopics(items: TopicListItem[], sort: TopicSort, desc: boolean, stats: (topic: string) => TopicStatsRow | undefined): TopicListItem[] {
  const sign = desc ? -1 : 1;
  const numeric = (value: (t: TopicListItem) => number | undefined) => {
    const known: Array<{ t: TopicListItem; v: number }> = [];
    const unknown: TopicListItem[] = [];
    for (const t of items) {
      const v = value(t);
      if (v === undefined) unknown.push(t);
      else known.push({ t, v });
    }
    known.sort((a, b) => sign * (a.v - b.v));
    return [...known.map((k) => k.t), ...unknown];
  };
  switch (sort) {
    case 'messages':
      return numeric((t) => stats(t.topic)?.messages);
    case 'lastWrite':
      return numeric((t) => stats(t.topic)?.lastUpdateTimestamp);
    case 'queues':
      return numeric((t) => t.writeQueueNums);
    case 'brokers':
      return numeric((t) => t.brokers.length);
    case 'type':
      return [...items].sort((a, b) => sign * (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    case 'name':
      return desc ? [...items].reverse() : [...items];
  }
}
