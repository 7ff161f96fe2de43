import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema';

/** Tables that keep a record per cluster and id as JSON (its fields grow without migrations): alert rules, channels. */
type JsonRecordTable = 'alert_rule' | 'alert_channel';

export interface JsonRecords<T extends { id: string }> {
  /** In id order. */
  list(cluster: string): Promise<T[]>;
  get(cluster: string, id: string): Promise<T | undefined>;
  /** Creates the record, or replaces the one of its id. */
  put(cluster: string, record: T, by: string, now: number): Promise<void>;
  /** False when there was no such record. */
  delete(cluster: string, id: string): Promise<boolean>;
}

export function jsonRecords<T extends { id: string }>(db: Kysely<StoreDatabase>, table: JsonRecordTable): JsonRecords<T> {
  // both tables have the same columns: typed as one of them, the queries are the same for either
  const t = table as 'alert_rule';
  return {
    async list(cluster) {
      const rows = await db.selectFrom(t).select('body').where('cluster', '=', cluster).orderBy('id').execute();
      return rows.map((r) => JSON.parse(r.body) as T);
    },
    async get(cluster, id) {
      const row = await db.selectFrom(t).select('body').where('cluster', '=', cluster).where('id', '=', id).executeTakeFirst();
      return row ? (JSON.parse(row.body) as T) : undefined;
    },
    async put(cluster, record, by, now) {
      const row = { cluster, id: record.id, body: JSON.stringify(record), updated_at: now, updated_by: by };
      await db
        .insertInto(t)
        .values(row)
        .onConflict((oc) => oc.columns(['cluster', 'id']).doUpdateSet({ body: row.body, updated_at: now, updated_by: by }))
        .execute();
    },
    async delete(cluster, id) {
      const r = await db.deleteFrom(t).where('cluster', '=', cluster).where('id', '=', id).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
  };
}
