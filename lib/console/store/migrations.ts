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

// Users, their browser sessions and API tokens, and OIDC sign-ins in flight. Secrets are stored as SHA-256
// hashes only. Flags are integers (0/1) on both dialects so one code path reads them.
const authUsersSessions: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    await db.schema
      .createTable('console_user')
      .addColumn('id', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('oidc_issuer', 'text')
      .addColumn('oidc_subject', 'text')
      .addColumn('bindings', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('console_user_oidc').on('console_user').columns(['oidc_issuer', 'oidc_subject']).execute();
    await db.schema
      .createTable('auth_session')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('user_id', 'bigint', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('role_cap', 'text')
      .addColumn('bindings', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint')
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('revoked_at', 'bigint')
      .execute();
    await db.schema.createIndex('auth_session_user').on('auth_session').columns(['user_id', 'kind']).execute();
    await db.schema
      .createTable('oidc_flow')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('oidc_flow').execute();
    await db.schema.dropTable('auth_session').execute();
    await db.schema.dropTable('console_user').execute();
  },
};

// Changes of every kind: the audit entry names its target (topic, group, broker, namesrv) rather than a group and a
// topic only, and a change in progress holds a lock row, so two console processes on one database never run two
// changes on one target. A lock row carries an expiry the holder renews while it runs: a process that died leaves
// a row the next taker may replace once it expired. Entries written before this keep target_kind null (resets:
// their group says the target).
const changeLocks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('audit_entry').addColumn('target_kind', 'text').execute();
    await db.schema.alterTable('audit_entry').addColumn('target_name', 'text').execute();
    await db.schema.createIndex('audit_entry_target').on('audit_entry').columns(['cluster', 'target_kind', 'target_name', 'at']).execute();
    await db.schema
      .createTable('change_lock')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('since', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('audit_id', 'bigint')
      .addPrimaryKeyConstraint('change_lock_pk', ['cluster', 'target'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('change_lock').execute();
    await db.schema.dropIndex('audit_entry_target').execute();
    await db.schema.alterTable('audit_entry').dropColumn('target_name').execute();
    await db.schema.alterTable('audit_entry').dropColumn('target_kind').execute();
  },
};

// What a running change has done so far, one row per finished part (a reset: a broker's queues), written as each
// part ends. An entry whose process died mid-change (no outcome) then shows which parts are known to be done, and
// only the rest is unknown. Append-only like the entry and the outcome.
const auditProgress: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('audit_progress')
      .addColumn('entry_id', 'bigint', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('result', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('audit_progress_pk', ['entry_id', 'seq'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('audit_progress').execute();
  },
};

// Lag alerts (issue 14): rules per cluster (the rule as JSON: its fields grow without migrations), the state of each
// (rule, subject) pair that is pending, firing or just resolved, the history of their transitions, silences,
// acknowledgements of a firing episode, and a lease per cluster so that one console process on a shared database
// evaluates and notifies.
const alerts: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    const serial = postgres ? 'bigserial' : 'integer';
    await db.schema
      .createTable('alert_rule')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_rule_pk', ['cluster', 'id'])
      .execute();
    await db.schema
      .createTable('alert_state')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_state_pk', ['cluster', 'rule_id', 'subject'])
      .execute();
    await db.schema
      .createTable('alert_event')
      .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('from_phase', 'text', (c) => c.notNull())
      .addColumn('to_phase', 'text', (c) => c.notNull())
      .addColumn('value', postgres ? 'double precision' : 'real')
      .execute();
    await db.schema.createIndex('alert_event_at').on('alert_event').columns(['cluster', 'at']).execute();
    await db.schema
      .createTable('alert_silence')
      .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text')
      .addColumn('subject_pattern', 'text')
      .addColumn('ends_at', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('ended_by', 'text')
      .execute();
    await db.schema
      .createTable('alert_ack')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('rule_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('active_at', 'bigint', (c) => c.notNull())
      .addColumn('acked_by', 'text', (c) => c.notNull())
      .addColumn('acked_at', 'bigint', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addPrimaryKeyConstraint('alert_ack_pk', ['cluster', 'rule_id', 'subject', 'active_at'])
      .execute();
    await db.schema
      .createTable('console_lease')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['console_lease', 'alert_ack', 'alert_silence', 'alert_event', 'alert_state', 'alert_rule']) await db.schema.dropTable(table).execute();
  },
};

// Notifications of lag alerts (issue 14): channels per cluster (the channel as JSON, secrets included: the API never
// returns them), and each message to send or sent, with its attempts, the receiver's last answer and who claimed it
// (a console process claims a delivery in one statement, so two processes on one PostgreSQL send it once).
const alertNotifications: Migration = {
  async up(db: Kysely<unknown>) {
    const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
    const serial = postgres ? 'bigserial' : 'integer';
    await db.schema
      .createTable('alert_channel')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('alert_channel_pk', ['cluster', 'id'])
      .execute();
    await db.schema
      .createTable('alert_delivery')
      .addColumn('id', serial, (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('channel_id', 'text', (c) => c.notNull())
      .addColumn('test', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('due_at', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'bigint')
      .addColumn('sent_at', 'bigint')
      .addColumn('last_error', 'text')
      .addColumn('last_answer', 'text')
      .execute();
    await db.schema.createIndex('alert_delivery_due').on('alert_delivery').columns(['cluster', 'status', 'due_at']).execute();
    await db.schema.createIndex('alert_delivery_channel').on('alert_delivery').columns(['cluster', 'channel_id', 'id']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['alert_delivery', 'alert_channel']) await db.schema.dropTable(table).execute();
  },
};

// Rebalance history (issue 14): what the rebalance sampler saw change in an online group, one row per event (a
// client joined or left, a queue moved between clients), and each group's last assignment as JSON so a restarted
// console compares with what it saw before instead of recording every client as joined.
const rebalanceHistory: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rebalance_event')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('t', 'bigint', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('since_t', 'bigint')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text')
      .addColumn('from_client_id', 'text')
      .addColumn('topic', 'text')
      .addColumn('broker_name', 'text')
      .addColumn('queue_id', 'integer')
      .addPrimaryKeyConstraint('rebalance_event_pk', ['cluster', 'group_name', 't', 'seq'])
      .execute();
    await db.schema.createIndex('rebalance_event_t').on('rebalance_event').column('t').execute();
    await db.schema
      .createTable('rebalance_baseline')
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('t', 'bigint', (c) => c.notNull())
      .addColumn('clients', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('rebalance_baseline_pk', ['cluster', 'group_name'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['rebalance_baseline', 'rebalance_event']) await db.schema.dropTable(table).execute();
  },
};

// Favourites and recent searches (issue 16): the signed-in user's own records, per cluster. A favourite is a topic
// or group starred by name (a later deleted one stays, and the home page says it is missing); a recent search is
// what was searched and its parameters as JSON, one row per distinct search, its time moved on when run again.
const personal: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('favourite')
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('favourite_pk', ['user_name', 'cluster', 'kind', 'name'])
      .execute();
    await db.schema
      .createTable('recent_search')
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('cluster', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('recent_search_pk', ['user_name', 'cluster', 'kind', 'params'])
      .execute();
    await db.schema.createIndex('recent_search_at').on('recent_search').columns(['user_name', 'cluster', 'at']).execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['recent_search', 'favourite']) await db.schema.dropTable(table).execute();
  },
};

// A user's language and theme (issue 16): the pages read them from cookies; this row carries the choice to the
// user's other browsers (set there at the next page load after sign-in).
const preferences: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('user_preference')
      .addColumn('user_name', 'text', (c) => c.primaryKey())
      .addColumn('locale', 'text')
      .addColumn('theme', 'text')
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('user_preference').execute();
  },
};

/** Every migration, in order. Append only. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_lag_history': lagHistory,
  '0002_audit_log': auditLog,
  '0003_audit_channel': auditChannel,
  '0004_auth': authUsersSessions,
  '0005_change_locks': changeLocks,
  '0006_audit_progress': auditProgress,
  '0007_alerts': alerts,
  '0008_alert_notifications': alertNotifications,
  '0009_rebalance_history': rebalanceHistory,
  '0010_favourites_recent_searches': personal,
  '0011_user_preferences': preferences,
};

/**
 * Brings the schema to the newest migration; a no-op when it is there already. Kysely locks migrations on
 * PostgreSQL (an advisory lock) but not on SQLite, so two console processes opening one fresh SQLite file at once
 * can both start migration 0001 and one fails ("table already exists"). A failed run is therefore tried again a
 * few times: once the other process has finished, the next run finds every migration done.
 */
export async function migrateToLatest(db: Kysely<unknown>, attempts = 5): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    if (attempt >= attempts) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new Error(`store migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
  }
}
