/** Store-time windows offered by the searches. */
export const WINDOWS: Record<string, { label: string; ms?: number }> = {
  all: { label: 'Any time' },
  '1h': { label: 'Last hour', ms: 3600_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 3600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
};

export function windowOf(id: string, now = Date.now()): { begin?: number; end: number } {
  const ms = WINDOWS[id]?.ms;
  return { begin: ms === undefined ? undefined : now - ms, end: now };
}
