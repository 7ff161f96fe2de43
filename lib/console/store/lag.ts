import type { Kysely } from 'kysely';
import { compact } from './compact';
import { groupFromDb, groupToDb, queueFromDb, queueToDb } from './rows';
import type { StoreDatabase } from './schema';
import type { LagStore } from './types';

// Bound parameters per INSERT: SQLite allows 32,766 and PostgreSQL 65,535; one budget under both keeps one code
// path, and batches this large make a 100,000-row sample a few dozen statements.
const MAX_PARAMS_PER_STATEMENT = 30_000;
const GROUP_COLUMNS = 6;
const QUEUE_COLUMNS = 8;

export function createLagStore(db: Kysely<StoreDatabase>): LagStore {
  return {
    async insert(groups, queues) {
      await db.transaction().execute(async (trx) => {
        for (const batch of chunks(groups, Math.floor(MAX_PARAMS_PER_STATEMENT / GROUP_COLUMNS))) {
          await trx.insertInto('lag_group').values(batch.map(groupToDb)).onConflict((oc) => oc.doNothing()).execute();
          await yieldToEventLoop();
        }
        for (const batch of chunks(queues, Math.floor(MAX_PARAMS_PER_STATEMENT / QUEUE_COLUMNS))) {
          await trx.insertInto('lag_queue').values(batch.map(queueToDb)).onConflict((oc) => oc.doNothing()).execute();
          await yieldToEventLoop();
        }
      });
    },

    async groupSeries(cluster, group, from, to) {
      const ofGroup = db.selectFrom('lag_group').selectAll().where('cluster', '=', cluster).where('group_name', '=', group);
      // the max(t) before `from` is one index seek on the primary key (cluster, group_name, t)
      const before = ofGroup.where('t', '=', (eb) =>
        eb
          .selectFrom('lag_group')
          .select((e) => e.fn.max('t').as('t'))
          .where('cluster', '=', cluster)
          .where('group_name', '=', group)
          .where('t', '<', from),
      );
      const rows = await ofGroup.where('t', '>=', from).where('t', '<=', to).unionAll(before).orderBy('t').execute();
      return rows.map(groupFromDb);
    },

    async queueSeries(cluster, group, from, to) {
      const inRange = db
        .selectFrom('lag_queue')
        .selectAll()
        .where('cluster', '=', cluster)
        .where('group_name', '=', group)
        .where('t', '>=', from)
        .where('t', '<=', to);
      // every queue's last row before `from`, including queues with no row inside the range: their value still
      // holds there. This reads the group's older rows once (retention and downsampling bound how many).
      const before = db
        .selectFrom('lag_queue as q')
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('lag_queue')
              .select(['topic', 'broker_name', 'queue_id'])
              .select((e) => e.fn.max('t').as('t'))
              .where('cluster', '=', cluster)
              .where('group_name', '=', group)
              .where('t', '<', from)
              .groupBy(['topic', 'broker_name', 'queue_id'])
              .as('p'),
          (join) =>
            join
              .onRef('q.topic', '=', 'p.topic')
              .onRef('q.broker_name', '=', 'p.broker_name')
              .onRef('q.queue_id', '=', 'p.queue_id')
              .onRef('q.t', '=', 'p.t'),
        )
        .selectAll('q')
        .where('q.cluster', '=', cluster)
        .where('q.group_name', '=', group);
      const rows = await inRange.unionAll(before).orderBy(['topic', 'broker_name', 'queue_id', 't']).execute();
      return rows.map(queueFromDb);
    },

    async latest(cluster) {
      const groups = await db
        .selectFrom('lag_group as g')
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('lag_group')
              .select('group_name')
              .select((e) => e.fn.max('t').as('t'))
              .where('cluster', '=', cluster)
              .groupBy('group_name')
              .as('m'),
          (join) => join.onRef('g.group_name', '=', 'm.group_name').onRef('g.t', '=', 'm.t'),
        )
        .selectAll('g')
        .where('g.cluster', '=', cluster)
        .execute();
      const queues = await db
        .selectFrom('lag_queue as q')
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('lag_queue')
              .select(['group_name', 'topic', 'broker_name', 'queue_id'])
              .select((e) => e.fn.max('t').as('t'))
              .where('cluster', '=', cluster)
              .groupBy(['group_name', 'topic', 'broker_name', 'queue_id'])
              .as('m'),
          (join) =>
            join
              .onRef('q.group_name', '=', 'm.group_name')
              .onRef('q.topic', '=', 'm.topic')
              .onRef('q.broker_name', '=', 'm.broker_name')
              .onRef('q.queue_id', '=', 'm.queue_id')
              .onRef('q.t', '=', 'm.t'),
        )
        .selectAll('q')
        .where('q.cluster', '=', cluster)
        .execute();
      return { groups: groups.map(groupFromDb), queues: queues.map(queueFromDb) };
    },

    compact: (now, options) => compact(db, now, options),
  };
}

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// better-sqlite3 runs each statement synchronously: between batches, let pending requests and timers run
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
