/** Store-time windows offered by the searches; label is the window's key in the messages.windows catalog. */
export const WINDOWS: Record<string, { label: 'all' | 'hour' | 'day' | 'week'; ms?: number }> = {
  all: { label: 'all' },
  '1h': { label: 'hour', ms: 3600_000 },
  '24h': { label: 'day', ms: 24 * 3600_000 },
  '7d': { label: 'week', ms: 7 * 24 * 3600_000 },
};

export function windowOf(id: string, now = Date.now()): { begin?: number; end: number } {
  const ms = WINDOWS[id]?.ms;
  return { begin: ms === undefined ? undefined : now - ms, end: now };
}
