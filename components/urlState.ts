/**
 * Typed URL state (nuqs): lists and searches keep their state in the URL, so a view can be shared and survives a
 * reload. Views update it with these options: replace (no history entry per keystroke), no scroll, no server round trip.
 */
export const URL_STATE_OPTIONS = { history: 'replace', scroll: false, shallow: true } as const;

/** Every non-empty value in a fixed order: the server's first render and the browser build the same API query. */
export function apiQuery(state: Record<string, string | number | boolean | null>): string {
  return new URLSearchParams(Object.entries(state).flatMap(([k, v]) => (v === '' || v === null ? [] : [[k, String(v)]]))).toString();
}
