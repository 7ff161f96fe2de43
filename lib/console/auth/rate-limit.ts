/**
 * Failed sign-ins, counted per (username, client address) and per client address within a sliding window. Kept in
 * memory: it resets when the console restarts and is per process, which is enough to turn guessing into a crawl
 * (5 tries per 5 minutes by default); a console behind a load balancer with several processes multiplies the budget
 * by their number. Bounded: at most `maxKeys` keys, the oldest forgotten first.
 *
 * An address gets `addressFactor` times the per-user budget, so people behind one NAT who mistype are not locked
 * out together, while spraying many usernames from one address is still stopped.
 */
export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    readonly maxFailures: number,
    readonly windowMs: number,
    private readonly options: { maxKeys?: number; addressFactor?: number } = {},
  ) {}

  /** How long until the next attempt is allowed (ms), or 0 when it is allowed now. */
  retryAfterMs(username: string, address: string, now = Date.now()): number {
    return Math.max(this.wait(userKey(username, address), this.maxFailures, now), this.wait(addressKey(address), this.addressLimit, now));
  }

  fail(username: string, address: string, now = Date.now()): void {
    this.push(userKey(username, address), this.maxFailures, now);
    this.push(addressKey(address), this.addressLimit, now);
  }

  /** A successful sign-in clears that user's failures from that address (not the address's). */
  succeed(username: string, address: string): void {
    this.failures.delete(userKey(username, address));
  }

  get size(): number {
    return this.failures.size;
  }

  private get addressLimit(): number {
    return this.maxFailures * (this.options.addressFactor ?? 4);
  }

  private recent(key: string, now: number): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const kept = list.filter((t) => t > now - this.windowMs);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== list.length) this.failures.set(key, kept);
    return kept;
  }

  private wait(key: string, limit: number, now: number): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    // the oldest failure that still counts must leave the window for the count to drop below the limit
    return recent[recent.length - limit]! + this.windowMs - now;
  }

  private push(key: string, limit: number, now: number): void {
    const recent = this.recent(key, now);
    recent.push(now);
    // only the newest `limit` matter for the decision
    if (recent.length > limit) recent.splice(0, recent.length - limit);
    this.failures.delete(key); // re-insert: Map order is then least recently failed first
    this.failures.set(key, recent);
    const max = this.options.maxKeys ?? 10_000;
    while (this.failures.size > max) this.failures.delete(this.failures.keys().next().value!);
  }
}

const userKey = (username: string, address: string) => `u\u0000${username.toLowerCase()}\u0000${address}`;
const addressKey = (address: string) => `a\u0000${address}`;
