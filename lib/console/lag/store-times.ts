import { queryConsumeTimeSpan } from '../../rocketmq/query-consume-time-span';
import type { AdminClient } from '../core/admin';

/**
 * Store times of messages at given offsets, learnt from QUERY_CONSUME_TIME_SPAN (the broker's age of the message at
 * a group's consumer offset) and cached by broker, topic, queue and offset: a message's store time never changes,
 * and groups sitting at the same offset share it. Only offsets not seen before cost a call.
 */
export class StoreTimeCache {
  // queue ("brokerName\u0001topic\u0001queueId") -> offset -> store time - base. Two levels because a string key per
  // offset cost well over 100 bytes an entry (10,000 groups lagging at their own offsets make 240,000 of them); the
  // few queue keys are shared, offsets are small integers, and a time relative to `base` stays a small integer too
  private readonly times = new Map<string, Map<number, number>>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly base = Date.now();
  private entries = 0;

  constructor(private readonly maxEntries = 500_000) {}

  private static queueKey(brokerName: string, topic: string, queueId: number): string {
    return `${brokerName}\u0001${topic}\u0001${queueId}`;
  }

  get(brokerName: string, topic: string, queueId: number, offset: number): number | undefined {
    const t = this.times.get(StoreTimeCache.queueKey(brokerName, topic, queueId))?.get(offset);
    return t === undefined ? undefined : t + this.base;
  }

  private has(queueKey: string, offset: number): boolean {
    return this.times.get(queueKey)?.has(offset) ?? false;
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
    const queueKey = (queueId: number) => StoreTimeCache.queueKey(brokerName, topic, queueId);
    const missing = lagging.filter((q) => !this.has(queueKey(q.queueId), q.consumerOffset));
    if (missing.length === 0) return;
    const pendingKey = (q: { queueId: number; consumerOffset: number }) => `${queueKey(q.queueId)}\u0001${q.consumerOffset}`;
    const inFlight = missing.map((q) => this.pending.get(pendingKey(q)));
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
        if (plausible) this.set(queueKey(q.queueId), q.consumerOffset, stored);
      }
    })().catch(() => undefined);
    const keys = missing.map(pendingKey);
    for (const k of keys) if (!this.pending.has(k)) this.pending.set(k, call);
    try {
      await call;
    } finally {
      for (const k of keys) if (this.pending.get(k) === call) this.pending.delete(k);
    }
  }

  private set(queueKey: string, offset: number, storedAt: number): void {
    if (this.entries >= this.maxEntries) this.dropOldest(Math.floor(this.maxEntries / 4));
    let offsets = this.times.get(queueKey);
    if (!offsets) this.times.set(queueKey, (offsets = new Map()));
    if (!offsets.has(offset)) this.entries++;
    offsets.set(offset, storedAt - this.base);
  }

  /** Drops `count` entries, the earliest learnt first within each queue (Maps keep insertion order). */
  private dropOldest(count: number): void {
    for (const [queueKey, offsets] of this.times) {
      for (const offset of offsets.keys()) {
        if (count <= 0) return;
        offsets.delete(offset);
        this.entries--;
        count--;
      }
      if (offsets.size === 0) this.times.delete(queueKey);
    }
  }

  get size(): number {
    return this.entries;
  }
}
