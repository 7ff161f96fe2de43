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

export interface StoreDatabase {
  lag_group: LagGroupTable;
  lag_queue: LagQueueTable;
}
