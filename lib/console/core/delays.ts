const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "5s", "2m", "1h", "2d", "500ms" (RocketMQ's delay-level spelling, plus ms) to milliseconds; NaN when unreadable. */
export function parseDelay(text: string): number {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  return m ? Number(m[1]) * UNIT_MS[m[2]!]! : Number.NaN;
}

/** Milliseconds in the largest whole unit: 7200000 -> "2h", 1500 -> "1500ms". */
export function showDelay(ms: number): string {
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** The broker's default delay levels (MessageStoreConfig.messageDelayLevel), used when a broker does not say. */
export const DEFAULT_DELAY_LEVELS = '1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h';

/** "1s 5s 2m 1h" -> levels 1.. with their delays in ms. */
export function parseDelayLevels(text: string): Array<{ level: number; delay: string; delayMs: number }> {
  return text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((delay, i) => ({ level: i + 1, delay, delayMs: parseDelay(delay) }));
}
