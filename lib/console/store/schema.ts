import type { Generated } from 'kysely';

// Row shapes as the database holds them (snake_case). Times, lags and widths are BIGINT on PostgreSQL; the
// PostgreSQL connection parses int8 into JS numbers (see connect.ts), so `number` is what both dialects return.

export interface LagGroupTable {
  cluster: string;
  group_name: string;
  t: number;
  lag: number;
  oldest_age_ms: number | null;
  resolution_ms: number;
}

export interface LagQueueTable {
  cluster: string;
  group_name: string;
  topic: string;
  broker_name: string;
  queue_id: number;
  t: number;
  lag: number;
  resolution_ms: number;
}

export interface AuditEntryTable {
  id: Generated<number>;
  at: number;
  actor: string;
  /** ui, api or cli. */
  channel: Generated<string>;
  cluster: string;
  action: string;
  group_name: string | null;
  topic: string | null;
  /** JSON */
  params: string;
  /** JSON: what the action was about to do (e.g. per-queue offsets before and targets). */
  plan: string;
  undo_of: number | null;
}

export interface AuditOutcomeTable {
  entry_id: number;
  at: number;
  status: string;
  /** JSON */
  result: string;
  duration_ms: number;
  error: string | null;
}

export interface StoreDatabase {
  lag_group: LagGroupTable;
  lag_queue: LagQueueTable;
  audit_entry: AuditEntryTable;
  audit_outcome: AuditOutcomeTable;
}
