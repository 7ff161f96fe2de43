import { queryConsumeTimeSpan } from '../../rocketmq/query-consume-time-span';
import type { AdminClient } from '../admin';

/**
 * Store times of messages at given offsets, learnt from QUERY_CONSUME_TIME_SPAN (the broker's age of the message at
 * a group's consumer offset) and cached by broker, topic, queue and offset: a message's store time never changes,
 * and groups sitting at the same offset share it. Only offsets not seen before cost a call.
 */
export class StoreTimeCache {
  private readonly times = new Map<string, number>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly maxEntries = 500_000) {}

  private static key(brokerName: string, topic: string, queueId: number, offset: number): string {
    return `${brokerName}\u0001${topic}\u0001${queueId}\u0001${offset}`;
  }

  get(brokerName: string, topic: string, queueId: number, offset: number): number | undefined {
    return this.times.get(StoreTimeCache.key(brokerName, topic, queueId, offset));
  }

  /**
   * Makes sure the store time at each lagging queue's consumer offset is known for (group, topic) on one broker.
   * Resolves once known (or the call failed: then the ages stay unknown).
   */
  async resolve(
    admin: AdminClient,
    addr: string,
    brokerName: string,
    group: string,
    topic: string,
    lagging: Array<{ queueId: number; consumerOffset: number }>,
  ): Promise<void> {
    const keys = lagging.map((q) => StoreTimeCache.key(brokerName, topic, q.queueId, q.consumerOffset));
    const missing = keys.filter((k) => !this.times.has(k));
    if (missing.length === 0) return;
    const inFlight = missing.map((k) => this.pending.get(k));
    if (inFlight.every((p) => p !== undefined)) {
      await Promise.all(inFlight);
      return;
    }
    const call = (async () => {
      const sentAt = Date.now();
      const spans = await queryConsumeTimeSpan(admin, addr, topic, group, admin.config.requestTimeoutMs);
      const answeredAt = Date.now();
      const now = (sentAt + answeredAt) / 2; // the broker's "now" lies between sending and answering
      for (const span of spans) {
        const q = lagging.find((l) => l.queueId === span.queueId);
        if (!q || span.delayTime <= 0) continue;
        const stored = Math.round(now - span.delayTime);
        // an offset with no message behind it (below the queue's min, or a queue without messages) makes the broker
        // count from 0 or -1: only a time within the queue's own span is a store time
        const plausible = span.minTimeStamp > 0 && stored >= span.minTimeStamp - 1000 && stored <= Math.max(span.maxTimeStamp, span.minTimeStamp) + 1000;
        if (plausible) this.set(StoreTimeCache.key(brokerName, topic, q.queueId, q.consumerOffset), stored);
      }
    })().catch(() => undefined);
    for (const k of missing) if (!this.pending.has(k)) this.pending.set(k, call);
    try {
      await call;
    } finally {
      for (const k of missing) if (this.pending.get(k) === call) this.pending.delete(k);
    }
  }

  private set(key: string, value: number): void {
    if (this.times.size >= this.maxEntries) {
      // drop the oldest quarter (Map keeps insertion order)
      let drop = Math.floor(this.maxEntries / 4);
      for (const k of this.times.keys()) {
        if (drop-- <= 0) break;
        this.times.delete(k);
      }
    }
    this.times.set(key, value);
  }

  get size(): number {
    return this.times.size;
  }
}
