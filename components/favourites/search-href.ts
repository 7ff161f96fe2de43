import type { RecentSearch } from '@/lib/console/favourites/schema';
import { toUrlTime } from '../messages/scan-time';
import { paths } from '../paths';

const query = (entries: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) if (v !== undefined && v !== '') q.set(k, String(v));
  return q.toString();
};

/** The search page URL that runs a recorded search again: the same URL state the page wrote when it ran. */
export function searchHref(cluster: string, s: RecentSearch): string {
  switch (s.kind) {
    case 'key':
      return `${paths.messages(cluster)}?${query({ mode: 'key', topic: s.params.topic, key: s.params.key, window: s.params.window, limit: s.params.limit })}`;
    case 'msgId':
      return paths.message(cluster, s.params.msgId, s.params.topic);
    case 'range':
      return `${paths.messages(cluster)}?${query({ mode: 'range', topic: s.params.topic, begin: toUrlTime(s.params.begin), end: toUrlTime(s.params.end), tag: s.params.tag, text: s.params.text, limit: s.params.limit })}`;
    case 'trace':
      return s.params.msgId ? paths.trace(cluster, s.params.msgId, s.params.topic) : `${paths.traces(cluster)}?${query({ key: s.params.key, topic: s.params.topic })}`;
  }
}

type Words = 'key' | 'msgId' | 'msgIdIn' | 'range' | 'tags' | 'text' | 'trace' | 'traceKey' | 'traceKeyIn';

/** One line saying what was searched, in the page's language (t: the 'favourites.searches' translator). */
export function searchLabel(s: RecentSearch, t: (key: Words, values: Record<string, string>) => string): string {
  switch (s.kind) {
    case 'key':
      return t('key', { key: s.params.key, topic: s.params.topic });
    case 'msgId':
      return s.params.topic ? t('msgIdIn', { msgId: s.params.msgId, topic: s.params.topic }) : t('msgId', { msgId: s.params.msgId });
    case 'range':
      return [
        t('range', { topic: s.params.topic, begin: toUrlTime(s.params.begin), end: toUrlTime(s.params.end) }),
        ...(s.params.tag ? [t('tags', { tags: s.params.tag })] : []),
        ...(s.params.text ? [t('text', { text: s.params.text })] : []),
      ].join(', ');
    case 'trace':
      if (s.params.msgId) return t('trace', { msgId: s.params.msgId });
      return s.params.topic ? t('traceKeyIn', { key: s.params.key ?? '', topic: s.params.topic }) : t('traceKey', { key: s.params.key ?? '' });
  }
}
