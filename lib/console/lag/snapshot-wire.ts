import type { CallObserver } from '../core/admin';
import type { ClusterConfig } from '../core/config';
import { PackedQueues, type PackedQueueParts } from './packed-queues';
import type { QueueStall, SnapshotOptions } from './snapshot';
import type { GroupSnapshot, LagSnapshot, SnapshotProgress } from './types';

/** What the snapshot thread starts with (workerData): plain data, cloned into the thread. */
export interface SnapshotThreadData {
  config: ClusterConfig;
  options: SnapshotOptions;
}

/** A snapshot as it crosses from the thread: every group's queues as their parts. */
export type WireSnapshot = Omit<LagSnapshot, 'groups'> & { groups: Array<Omit<GroupSnapshot, 'queues'> & { queues: PackedQueueParts }> };

/** From the main thread: build the next snapshot. */
export interface BuildRequest {
  id: number;
}

/** From the thread: a build's outcome, or broker calls made (for the console's metrics). */
export type ThreadMessage =
  | { kind: 'built'; id: number; snapshot: WireSnapshot; stalls: Array<[string, QueueStall]> }
  | { kind: 'failed'; id: number; error: string }
  | { kind: 'progress'; id: number; progress: SnapshotProgress }
  | { kind: 'calls'; calls: Array<Parameters<CallObserver>[0]> };

export function toWire(snapshot: LagSnapshot): WireSnapshot {
  return { ...snapshot, groups: snapshot.groups.map((g) => ({ ...g, queues: g.queues.toParts() })) };
}

/** The snapshot as the main thread keeps it: names that repeat across groups (brokers, topics, states) held once. */
export function fromWire(wire: WireSnapshot): LagSnapshot {
  const names = new Map<string, string>();
  const intern = (s: string) => {
    const known = names.get(s);
    if (known !== undefined) return known;
    names.set(s, s);
    return s;
  };
  const opt = (s: string | undefined) => (s === undefined ? undefined : intern(s));
  const groups = wire.groups.map((g) => ({
    ...g,
    brokers: g.brokers.map(intern),
    topics: g.topics.map(intern),
    version: opt(g.version),
    consumeType: opt(g.consumeType),
    messageModel: opt(g.messageModel),
    ...(g.drain ? { drain: { ...g.drain, trend: intern(g.drain.trend) as typeof g.drain.trend } } : {}),
    queues: PackedQueues.fromParts(g.queues, intern),
  }));
  return { ...wire, groups };
}
