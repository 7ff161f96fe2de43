/**
 * What the operator opened from the palette, newest first, kept in this browser's localStorage per cluster (the
 * topics and groups of one cluster mean nothing on another). Nothing is sent to the server.
 */
export interface RecentItem {
  /** Where it leads: also what makes two entries the same. */
  href: string;
  kind: string;
  label: string;
}

export const RECENT_MAX = 8;

/** The list with the item first, each place once, at most RECENT_MAX long. */
export function remember(list: readonly RecentItem[], item: RecentItem, max = RECENT_MAX): RecentItem[] {
  return [item, ...list.filter((r) => r.href !== item.href)].slice(0, max);
}

/** The storage key of a cluster's list; the pages outside any cluster (home, account) share one. */
export function recentKey(cluster: string | undefined): string {
  return `rocketmq-console:palette-recent:${cluster ?? '-'}`;
}

/** A stored list as it can be trusted: anything else (another version's shape, a hand edit) reads as empty. */
export function parseRecent(raw: string | null): RecentItem[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.filter(isRecent).slice(0, RECENT_MAX);
  } catch {
    return [];
  }
}

function isRecent(v: unknown): v is RecentItem {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  // only the app's own paths: a stored entry must never send the browser elsewhere
  return typeof r.href === 'string' && r.href.startsWith('/') && !r.href.startsWith('//') && typeof r.kind === 'string' && typeof r.label === 'string';
}

export function loadRecent(cluster: string | undefined): RecentItem[] {
  try {
    return parseRecent(window.localStorage.getItem(recentKey(cluster)));
  } catch {
    // storage turned off (a private window, a policy): the palette works without recents
    return [];
  }
}

export function saveRecent(cluster: string | undefined, item: RecentItem): void {
  try {
    window.localStorage.setItem(recentKey(cluster), JSON.stringify(remember(loadRecent(cluster), item)));
  } catch {
    // as above: nothing to remember with
  }
}
