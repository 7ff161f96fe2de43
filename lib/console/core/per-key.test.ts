import { describe, expect, it } from 'vitest';
import { forEachPerKey } from './per-key';

describe('forEachPerKey', () => {
  it('runs every item once with at most `concurrency` in flight per key, keys side by side', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ key: i % 2 === 0 ? 'a' : 'b', i }));
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const done: number[] = [];
    await forEachPerKey(items, (item) => item.key, 3, async (item) => {
      inFlight.set(item.key, (inFlight.get(item.key) ?? 0) + 1);
      peak.set(item.key, Math.max(peak.get(item.key) ?? 0, inFlight.get(item.key)!));
      await new Promise((r) => setTimeout(r, 1 + (item.i % 3)));
      inFlight.set(item.key, inFlight.get(item.key)! - 1);
      done.push(item.i);
    });
    expect(done.sort((x, y) => x - y)).toEqual(items.map((item) => item.i));
    expect(Object.fromEntries(peak)).toEqual({ a: 3, b: 3 });
  });
});
