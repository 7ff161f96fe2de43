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

/** One line saying what was searched. */
export function searchLabel(s: RecentSearch): string {
  switch (s.kind) {
    case 'key':
      return `Key ${s.params.key} in ${s.params.topic}`;
    case 'msgId':
      return `Message ${s.params.msgId}${s.params.topic ? ` in ${s.params.topic}` : ''}`;
    case 'range':
      return `${s.params.topic} from ${toUrlTime(s.params.begin)} to ${toUrlTime(s.params.end)}${s.params.tag ? `, tags ${s.params.tag}` : ''}${s.params.text ? `, text "${s.params.text}"` : ''}`;
    case 'trace':
      return s.params.msgId ? `Trace of ${s.params.msgId}` : `Traces of key ${s.params.key}${s.params.topic ? ` in ${s.params.topic}` : ''}`;
  }
}
