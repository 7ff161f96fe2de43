import { Fnv1a } from '../core/fnv';
import type { QueueLag } from './types';

/** Which queues, in order: shared by every group with the same queues (groups of one topic have the same ones). */
interface QueueLayout {
  topics: string[];
  brokerNames: string[];
  queueIds: number[];
}

export interface PackedQueueParts {
  layout: QueueLayout;
  values: Float64Array;
}

// per queue: brokerOffset, consumerOffset, inflight, lastTimestamp, oldestUnconsumedTimestamp, drainRate (NaN: none)
const FIELDS = 6;
// by a hash of the queues, checked against each layout under it: a signature string per group was 700 characters
// at 24 queues, 35 MB of keys at 50,000 groups (each group's own %RETRY% topic makes most layouts unique)
const layouts = new Map<number, QueueLayout[]>();
let layoutCount = 0;
const MAX_LAYOUTS = 50_000;

function layoutHash(queues: readonly QueueLag[]): number {
  const hash = new Fnv1a();
  for (const q of queues) hash.text(q.topic).text(q.brokerName).int(q.queueId);
  return hash.value;
}

function sameLayout(layout: QueueLayout, queues: readonly QueueLag[]): boolean {
  return layout.queueIds.length === queues.length && queues.every((q, i) => layout.queueIds[i] === q.queueId && layout.topics[i] === q.topic && layout.brokerNames[i] === q.brokerName);
}

function layoutOf(queues: readonly QueueLag[]): QueueLayout {
  const hash = layoutHash(queues);
  const known = layouts.get(hash)?.find((layout) => sameLayout(layout, queues));
  if (known) return known;
  if (layoutCount >= MAX_LAYOUTS) {
    layouts.clear(); // topics come and go; old layouts stay valid where still used
    layoutCount = 0;
  }
  const layout = { topics: queues.map((q) => q.topic), brokerNames: queues.map((q) => q.brokerName), queueIds: queues.map((q) => q.queueId) };
  const list = layouts.get(hash);
  if (list) list.push(layout);
  else layouts.set(hash, [layout]);
  layoutCount++;
  return layout;
}

const interned = new WeakSet<QueueLayout>();

const orNaN = (n: number | undefined) => (n === undefined ? Number.NaN : n);
const orUndefined = (n: number) => (Number.isNaN(n) ? undefined : n);

const BLOCK_VALUES = 65_536 * FIELDS;

/**
 * Where a snapshot's groups keep their values: views on a few 3 MB blocks instead of 50,000 small arrays, each with
 * its own backing store and, across threads, its own copy in the structured clone.
 */
export class PackArena {
  private block = new Float64Array(0);
  private used = 0;

  take(size: number): Float64Array {
    if (this.used + size > this.block.length) {
      this.block = new Float64Array(Math.max(BLOCK_VALUES, size));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + size);
    this.used += size;
    return view;
  }
}

/**
 * A group's queues as the snapshot keeps them: one Float64Array per group and a shared layout, instead of an object
 * per queue (10,000 groups of 24 queues held ~30 MB of QueueLag objects, and twice that while the next snapshot was
 * built). Reading a queue makes a fresh QueueLag; callers may change it without touching the snapshot.
 */
export class PackedQueues implements Iterable<QueueLag> {
  private constructor(
    private readonly layout: QueueLayout,
    private readonly values: Float64Array,
  ) {}

  /** With an arena, the values are a view on one of its blocks rather than an array of their own. */
  static pack(queues: readonly QueueLag[], arena?: PackArena): PackedQueues {
    const values = arena ? arena.take(queues.length * FIELDS) : new Float64Array(queues.length * FIELDS);
    queues.forEach((q, i) => {
      values.set([q.brokerOffset, q.consumerOffset, orNaN(q.inflight), q.lastTimestamp, orNaN(q.oldestUnconsumedTimestamp), orNaN(q.drainRate)], i * FIELDS);
    });
    return new PackedQueues(layoutOf(queues), values);
  }

  /**
   * What crosses to another thread: a structured clone keeps the data (and one layout shared by many groups) but not
   * the class, so the receiving side rebuilds it with fromParts.
   */
  toParts(): PackedQueueParts {
    return { layout: this.layout, values: this.values };
  }

  /**
   * A structured clone copies every string it meets, shared or not: 50,000 groups came back with 100,000 copies of
   * each broker name. `intern` gives each name back once (a layout shared by many groups is interned once).
   */
  static fromParts(parts: PackedQueueParts, intern: (s: string) => string = (s) => s): PackedQueues {
    const { layout } = parts;
    if (!interned.has(layout)) {
      for (let i = 0; i < layout.topics.length; i++) {
        layout.topics[i] = intern(layout.topics[i]!);
        layout.brokerNames[i] = intern(layout.brokerNames[i]!);
      }
      interned.add(layout);
    }
    return new PackedQueues(layout, parts.values);
  }

  get length(): number {
    return this.layout.queueIds.length;
  }

  /**
   * Σ brokerOffset of one topic's queues and how many there are, without a QueueLag per queue (the alert evaluation
   * reads %RETRY% topics).
   */
  sumBrokerOffsets(topic: string): { sum: number; queues: number } {
    let sum = 0;
    let queues = 0;
    const topics = this.layout.topics;
    for (let i = 0; i < topics.length; i++) {
      if (topics[i] !== topic) continue;
      sum += this.values[i * FIELDS]!;
      queues++;
    }
    return { sum, queues };
  }

  /** Whether queue i is `q`'s queue (same topic, broker and queue id). */
  isQueueAt(i: number, q: { topic: string; brokerName: string; queueId: number }): boolean {
    const l = this.layout;
    return l.queueIds[i] === q.queueId && l.topics[i] === q.topic && l.brokerNames[i] === q.brokerName;
  }

  /** Queue i's broker and consumer offsets, without a QueueLag. */
  offsetsAt(i: number): { brokerOffset: number; consumerOffset: number } {
    return { brokerOffset: this.values[i * FIELDS]!, consumerOffset: this.values[i * FIELDS + 1]! };
  }

  at(i: number): QueueLag {
    const v = this.values;
    const o = i * FIELDS;
    const brokerOffset = v[o]!;
    const consumerOffset = v[o + 1]!;
    return {
      topic: this.layout.topics[i]!,
      brokerName: this.layout.brokerNames[i]!,
      queueId: this.layout.queueIds[i]!,
      brokerOffset,
      consumerOffset,
      lag: brokerOffset - consumerOffset,
      inflight: orUndefined(v[o + 2]!),
      lastTimestamp: v[o + 3]!,
      oldestUnconsumedTimestamp: orUndefined(v[o + 4]!),
      drainRate: orUndefined(v[o + 5]!),
    };
  }

  toArray(): QueueLag[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }

  *[Symbol.iterator](): Iterator<QueueLag> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }
}
