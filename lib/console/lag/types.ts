import type { SubscriptionGroupConfig } from '../../rocketmq/get-all-subscriptiongroup-config';
import type { BrokerFailure } from '../core/fanout';
import type { PackedQueues } from './packed-queues';

/** A group's subscription config on one broker, without its name (the key says it, and equal configs are one object). */
export type GroupConfig = Readonly<Omit<SubscriptionGroupConfig, 'groupName'>>;

/** One queue of one topic a group consumes, as the snapshot and the group page show it. */
export interface QueueLag {
  topic: string;
  brokerName: string;
  queueId: number;
  brokerOffset: number;
  consumerOffset: number;
  /** brokerOffset - consumerOffset (what mqadmin calls Diff). */
  lag: number;
  /** 5.x: pulled but not yet committed. */
  inflight?: number;
  /** Store time of the last consumed message (consumerOffset - 1), 0 when none. */
  lastTimestamp: number;
  /** Store time of the oldest unconsumed message (at consumerOffset); undefined without lag or when unknown. */
  oldestUnconsumedTimestamp?: number;
  /** Net drain rate (consumed - produced per second) since the previous snapshot. */
  drainRate?: number;
}

/** How a backlog evolves between two snapshots. */
export interface Drain {
  /** Messages consumed per second over the last interval. */
  consumeRate: number;
  /** Messages produced per second to the group's queues over the last interval. */
  produceRate: number;
  /** Estimated time until the lag is gone at the current net rate; undefined when not draining. */
  etaMs?: number;
  trend: 'draining' | 'growing' | 'steady' | 'idle';
}

export interface GroupSnapshot {
  group: string;
  /** Masters holding the group's subscription config. */
  brokers: string[];
  system: boolean;
  /** consumeMessageOrderly from the broker config (any broker). */
  orderly: boolean;
  /** Online clients (GET_CONSUMER_CONNECTION_LIST), 0 when offline. */
  clients: number;
  /** Lowest client version among the online clients ("V5_5_0"), as mqadmin prints it. */
  version?: string;
  consumeType?: string;
  /** CLUSTERING / BROADCASTING: from the online clients, else as last seen online. */
  messageModel?: string;
  lag: number;
  inflight?: number;
  /** Σ of the brokers' consume TPS for the group. */
  consumeTps: number;
  /** Store time of the oldest unconsumed message over all queues. */
  oldestUnconsumedTimestamp?: number;
  drain?: Drain;
  topics: string[];
  queues: PackedQueues;
  /** Brokers that failed for this group in this snapshot. */
  failures?: BrokerFailure[];
}

export interface LagSnapshot {
  /** When the snapshot's data was read (its start). */
  asOf: number;
  durationMs: number;
  groups: GroupSnapshot[];
  failures: BrokerFailure[];
  /** Phase timings, for the bench and the logs. */
  timings: { configsMs: number; statsMs: number; connectionsMs: number; agesMs: number };
  /** Each group's config per broker (the group page shows it; the list does not carry it), shared by equal groups. */
  configs: Map<string, ReadonlyArray<{ brokerName: string; config: GroupConfig }>>;
}

/** Where a snapshot build is (the group list shows it while the first snapshot of a large cluster is built). */
export interface SnapshotProgress {
  /** starting: the build has not said where it is yet; configs: subscription groups per master; offsets: offset tables and topic queues per master; connections: online
   *  clients per group; ages: lag in time per lagging group and master; assembling: the rows. */
  phase: 'starting' | 'configs' | 'offsets' | 'connections' | 'ages' | 'assembling';
  /** Items of the phase done and in all (masters, groups, or lagging group-masters as the phase says). */
  done: number;
  total: number;
  /** Groups found so far (known from the offsets phase on). */
  groups?: number;
  /** When the build started (ms since the epoch). */
  startedAt: number;
}
