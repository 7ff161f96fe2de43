/**
 * Runs tasks with at most `limit` in flight per key (per broker address): the snapshot pipelines requests on each
 * broker's one socket without flooding any broker.
 */
export class PerKeyLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(private readonly limit: number) {}

  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    if ((this.active.get(key) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(key) ?? [];
        queue.push(resolve);
        this.waiting.set(key, queue);
      });
    }
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    try {
      return await task();
    } finally {
      this.active.set(key, this.active.get(key)! - 1);
      const next = this.waiting.get(key)?.shift();
      if (next) next();
    }
  }
}
