import { Migrator, PostgresAdapter, type Kysely, type Migration } from 'kysely';

// Migrations live in code, not in files read at runtime: Next.js bundles the server, so there is no migrations
// folder next to it. Kysely runs them in the order of their names, so a new one gets the next number and
// existing ones are never edited (a database that already ran them would not run them again).
// Each takes Kysely<unknown>: a migration must not depend on today's schema types, which later ones change.

const lagHistory: Migration = {
  async up(db: Kysely<unknown>) {
    // The primary keys double as the indexes of the series queries (cluster, group, [queue,] t); one row per key
    // and instant is also what lets compaction merge a bucket into an existing summary row with ON CONFLICT.
    await db.schema
      .createTable('lag_group')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('t', 'bigint', (c) => c.notNull())
      .addColumn('lag', 'bigint', (c) => c.notNull())
      .addColumn('oldest_age_ms', 'bigint')
      .addColumn('resolution_ms', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('lag_group_pk', ['cluster', 'group_name', 't'])
      .execute();
    await db.schema
      .createTable('lag_queue')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('broker_name', 'text', (c) => c.notNull())
      .addColumn('queue_id', 'integer', (c) => c.notNull())
      .addColumn('t', 'bigint', (c) => c.notNull())
      .addColumn('lag', 'bigint', (c) => c.notNull())
      .addColumn('resolution_ms', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('lag_queue_pk', ['cluster', 'group_name', 'topic', 'broker_name', 'queue_id', 't'])
      .execute();
    // compaction and retention select by age across all keys
    await db.schema.createIndex('lag_group_t').on('lag_group').column('t').execute();
    await db.schema.createIndex('lag_queue_t').on('lag_queue').column('t').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('lag_queue').execute();
    await db.schema.dropTable('lag_group').execute();
  },
};

// The audit log is append-only: an entry is written (status "started") before anything is sent to a broker, and
// its outcome is a second row written once afterwards. No statement ever updates or deletes either table, so an
// entry without an outcome is exactly one whose process died in between ("interrupted").
const auditLog: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('audit_entry')
      .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text')
      .addColumn('topic', 'text')
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('plan', 'text', (c) => c.notNull())
      .addColumn('undo_of', 'bigint')
      .execute();
    await db.schema
      .createTable('audit_outcome')
      .addColumn('entry_id', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addColumn('duration_ms', 'bigint', (c) => c.notNull())
      .addColumn('error', 'text')
      .execute();
    await db.schema.createIndex('audit_entry_cluster_at').on('audit_entry').columns(['cluster', 'at']).execute();
    await db.schema.createIndex('audit_entry_group').on('audit_entry').columns(['cluster', 'group_name', 'at']).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_outcome').execute();
    await db.schema.dropTable('audit_entry').execute();
  },
};

// Who acted through what: the user is the existing actor column; the channel says whether it came from the UI,
// the API (a token) or the terminal command. Rows written before this say 'ui' (the only channel there was).
const auditChannel: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_entry').addColumn('channel', 'text', (c) => c.notNull().defaultTo('ui')).execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_entry').dropColumn('channel').execute();
  },
};

/** Every migration, in order. Append only. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_lag_history': lagHistory,
  '0002_audit_log': auditLog,
  '0003_audit_channel': auditChannel,
};

/** Brings the schema to the newest migration; a no-op when it is there already. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`store migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
