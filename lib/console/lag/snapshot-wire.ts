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

export function fromWire(wire: WireSnapshot): LagSnapshot {
  return { ...wire, groups: wire.groups.map((g) => ({ ...g, queues: PackedQueues.fromParts(g.queues) })) };
}
