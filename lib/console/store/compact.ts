import { sql, type Kysely, type Transaction } from 'kysely';
import type { StoreDatabase } from './schema';
import type { CompactOptions } from './types';

/** LagStore.compact: retention, then downsampling of whole buckets, in one transaction over both tables. */
export async function compact(db: Kysely<StoreDatabase>, now: number, options: CompactOptions): Promise<{ downsampled: number; deleted: number }> {
  const { rawForMs, bucketMs, retentionMs } = checkCompactOptions(options);
  const rawBefore = now - rawForMs;
  // rounded down to a bucket boundary, so a bucket is never left half raw and half summarised
  const cutoffs = { retainFrom: now - retentionMs, rawFrom: rawBefore - (((rawBefore % bucketMs) + bucketMs) % bucketMs), bucketMs };
  return db.transaction().execute(async (trx) => {
    const g = await compactTable(trx, GROUP_TABLE, cutoffs);
    const q = await compactTable(trx, QUEUE_TABLE, cutoffs);
    return { downsampled: g.downsampled + q.downsampled, deleted: g.deleted + q.deleted };
  });
}

interface LagTable {
  name: 'lag_group' | 'lag_queue';
  key: readonly string[];
  /** columns a bucket summarises with max(); NULL means unknown, so a known value wins */
  maxed: readonly string[];
}
const GROUP_TABLE: LagTable = { name: 'lag_group', key: ['cluster', 'group_name'], maxed: ['lag', 'oldest_age_ms'] };
const QUEUE_TABLE: LagTable = { name: 'lag_queue', key: ['cluster', 'group_name', 'topic', 'broker_name', 'queue_id'], maxed: ['lag'] };

async function compactTable(
  trx: Transaction<StoreDatabase>,
  table: LagTable,
  { retainFrom, rawFrom, bucketMs }: { retainFrom: number; rawFrom: number; bucketMs: number },
): Promise<{ downsampled: number; deleted: number }> {
  const removed = await trx.deleteFrom(table.name).where('t', '<', retainFrom).executeTakeFirst();
  const deleted = Number(removed.numDeletedRows);
  const raw = await trx
    .selectFrom(table.name)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resolution_ms', '=', 0)
    .where('t', '<', rawFrom)
    .executeTakeFirstOrThrow();
  const downsampled = Number(raw.n);
  if (downsampled === 0) return { downsampled, deleted };

  // Written as SQL because it is generic over the two tables; both dialects read it the same way. The summary
  // row of a bucket sits at the bucket's start: when a row is already there (a raw sample that happened to fall
  // on the boundary, or the summary of an earlier run that late samples now join), ON CONFLICT merges into it.
  // bucketMs is a checked integer, inlined so PostgreSQL types the select list without a parameter's help.
  const tbl = sql.table(table.name);
  const cols = (names: readonly string[]) => sql.join(names.map((n) => sql.ref(n)));
  const bucket = sql`t - t % ${sql.lit(bucketMs)}`;
  const merged = table.maxed.map((c) => {
    const [mine, theirs] = [sql.ref(`${table.name}.${c}`), sql.ref(`excluded.${c}`)];
    return sql`${sql.ref(c)} = CASE WHEN ${mine} IS NULL OR ${theirs} > ${mine} THEN ${theirs} ELSE ${mine} END`;
  });
  await sql`
    INSERT INTO ${tbl} (${cols(table.key)}, t, ${cols(table.maxed)}, resolution_ms)
    SELECT ${cols(table.key)}, ${bucket}, ${sql.join(table.maxed.map((c) => sql`max(${sql.ref(c)})`))}, ${sql.lit(bucketMs)}
    FROM ${tbl}
    WHERE resolution_ms = 0 AND t < ${rawFrom}
    GROUP BY ${cols(table.key)}, ${bucket}
    ON CONFLICT (${cols(table.key)}, t) DO UPDATE SET ${sql.join([...merged, sql`resolution_ms = excluded.resolution_ms`])}
  `.execute(trx);
  await trx.deleteFrom(table.name).where('resolution_ms', '=', 0).where('t', '<', rawFrom).execute();
  return { downsampled, deleted };
}

function checkCompactOptions(options: CompactOptions): CompactOptions {
  for (const name of ['rawForMs', 'bucketMs', 'retentionMs'] as const) {
    const value = options[name];
    if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`compact: ${name} must be a positive integer of ms, got ${value}`);
  }
  return options;
}
