import type { AlertStore } from './alerts';
import type { NotifyStore } from './notify';
import type { AuditStore } from './audit';
import type { AuthStore } from './auth';
import type { LockStore } from './locks';
import type { PersonalStore } from './personal';
import type { PreferenceStore } from './preferences';
import type { RebalanceStore } from './rebalance';

/** One consumer group's lag at one instant (or the summary of one bucket of instants). */
export interface GroupLagRow {
  cluster: string;
  group: string;
  /** epoch ms */
  t: number;
  /** total messages behind */
  lag: number;
  /** age of the oldest unconsumed message at t, null when unknown / no lag */
  oldestAgeMs: number | null;
  /** 0 = raw sample, else the width of the bucket this row summarises */
  resolutionMs: number;
}

/** One queue's lag for one consumer group at one instant (or the summary of one bucket). */
export interface QueueLagRow {
  cluster: string;
  group: string;
  topic: string;
  brokerName: string;
  queueId: number;
  t: number;
  lag: number;
  resolutionMs: number;
}

export interface CompactOptions {
  /** raw samples younger than this stay as they are */
  rawForMs: number;
  /** width of the buckets older raw samples are folded into */
  bucketMs: number;
  /** rows older than this are deleted, whatever their resolution */
  retentionMs: number;
}

export interface LagStore {
  /**
   * Writes rows in one transaction, in batches (a sample can hold 50,000 group rows and 1,200,000 queue rows).
   * Queue rows are read from the iterable one batch at a time, so a caller can make them as they are written.
   * A row whose key and t are already stored is left as it was, so a retried sample is harmless.
   */
  insert(groups: GroupLagRow[], queues: Iterable<QueueLagRow>): Promise<void>;
  /** Rows of one group with from <= t <= to ordered by t, plus the last row before `from` (a step chart then starts right). */
  groupSeries(cluster: string, group: string, from: number, to: number): Promise<GroupLagRow[]>;
  /** Same for every queue of the group, ordered by topic, brokerName, queueId, t. */
  queueSeries(cluster: string, group: string, from: number, to: number): Promise<QueueLagRow[]>;
  /** The newest row of every group of a cluster and the newest row of every queue (to resume after a restart). */
  latest(cluster: string): Promise<{ groups: GroupLagRow[]; queues: QueueLagRow[] }>;
  /**
   * Retention with downsampling: raw rows (resolutionMs 0) older than now - rawForMs are replaced by one row per
   * key and bucket (bucket = floor(t / bucketMs) * bucketMs, lag = max lag in the bucket, oldestAgeMs = max,
   * resolutionMs = bucketMs); rows older than now - retentionMs are deleted. Idempotent.
   * Only whole buckets are folded (the cutoff is rounded down to a bucket boundary), so a bucket is never split
   * between raw and summary rows. `downsampled` counts the raw rows folded, `deleted` the rows past retention.
   */
  compact(now: number, options: CompactOptions): Promise<{ downsampled: number; deleted: number }>;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly lag: LagStore;
  readonly audit: AuditStore;
  /** Users, sessions, API tokens and OIDC sign-ins in flight. */
  readonly auth: AuthStore;
  /** Changes in progress, one per target, across console processes. */
  readonly locks: LockStore;
  /** Alert rules, states, history, silences, acknowledgements and the evaluation lease. */
  readonly alerts: AlertStore;
  /** Notification channels of lag alerts and the messages sent to them. */
  readonly notify: NotifyStore;
  /** What the rebalance sampler saw change in online groups, and each group's last assignment. */
  readonly rebalance: RebalanceStore;
  /** Each user's favourites and recent searches, per cluster. */
  readonly personal: PersonalStore;
  /** Each user's language and theme. */
  readonly preferences: PreferenceStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL connection URL; when set, sqlitePath is ignored */
  databaseUrl?: string;
  /** SQLite file (its directory is created), or ':memory:' */
  sqlitePath?: string;
}
