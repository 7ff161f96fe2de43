/**
 * Pulls in flight to one broker at most: a scan pipelines pulls to hide round trips, and this keeps one scan from
 * queueing more work on a broker than its pull thread pool serves at once.
 */
export class BrokerGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      // the slot passes straight to the next waiter, so `active` never dips while work is queued
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
