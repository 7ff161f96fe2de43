import type { Selectable } from 'kysely';
import type { LagGroupTable, LagQueueTable } from './schema';
import type { GroupLagRow, QueueLagRow } from './types';

// Mapping between the API's camelCase rows and the tables' snake_case columns, by hand rather than with
// Kysely's CamelCasePlugin: it is one place, and a 100,000-row sample skips a per-key rename pass.

export function groupToDb(r: GroupLagRow): LagGroupTable {
  return { cluster: r.cluster, group_name: r.group, t: r.t, lag: r.lag, oldest_age_ms: r.oldestAgeMs, resolution_ms: r.resolutionMs };
}

export function queueToDb(r: QueueLagRow): LagQueueTable {
  return {
    cluster: r.cluster,
    group_name: r.group,
    topic: r.topic,
    broker_name: r.brokerName,
    queue_id: r.queueId,
    t: r.t,
    lag: r.lag,
    resolution_ms: r.resolutionMs,
  };
}

export function groupFromDb(r: Selectable<LagGroupTable>): GroupLagRow {
  return { cluster: r.cluster, group: r.group_name, t: r.t, lag: r.lag, oldestAgeMs: r.oldest_age_ms, resolutionMs: r.resolution_ms };
}

export function queueFromDb(r: Selectable<LagQueueTable>): QueueLagRow {
  return {
    cluster: r.cluster,
    group: r.group_name,
    topic: r.topic,
    brokerName: r.broker_name,
    queueId: r.queue_id,
    t: r.t,
    lag: r.lag,
    resolutionMs: r.resolution_ms,
  };
}
