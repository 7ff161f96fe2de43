/**
 * Runs fn over items with at most `concurrency` in flight per key, by a few workers per key pulling from that key's
 * list: no promise or closure exists per item before its turn (PerKeyLimiter.run over 60,000 calls held ~100 MB of
 * them at once). fn must not throw.
 */
export async function forEachPerKey<T>(items: Iterable<T>, keyOf: (item: T) => string, concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  const workers: Array<Promise<void>> = [];
  for (const list of byKey.values()) {
    let next = 0;
    const work = async () => {
      while (next < list.length) await fn(list[next++]!);
    };
    for (let i = 0; i < Math.min(concurrency, list.length); i++) workers.push(work());
  }
  await Promise.all(workers);
}
