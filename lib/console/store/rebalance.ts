import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema';

/** One thing the rebalance sampler saw change in a group between two samples. */
export interface RebalanceEventRow {
  cluster: string;
  group: string;
  /** when the sample that saw it was taken (epoch ms) */
  t: number;
  /** order within the sample */
  seq: number;
  /** the sample before: the change happened between sinceT and t; null when unknown */
  sinceT: number | null;
  kind: 'joined' | 'left' | 'moved';
  /** joined, left: the client; moved: the client holding the queue now, null when nobody does */
  clientId: string | null;
  /** moved: the client that held the queue before, null when nobody did */
  fromClientId: string | null;
  topic: string | null;
  brokerName: string | null;
  queueId: number | null;
}

/** A group's last assignment (opaque JSON to the store) with its time and client count. */
export interface RebalanceBaselineRow {
  cluster: string;
  group: string;
  t: number;
  clients: number;
  body: string;
}

export interface RebalanceStore {
  /** The events of one sample of one group and the group's new baseline, in one transaction (a retried write is harmless). */
  record(events: RebalanceEventRow[], baseline: RebalanceBaselineRow): Promise<void>;
  /** Events of a group with from <= t <= to, oldest first, at most `limit` (the newest kept when there are more). */
  events(cluster: string, group: string, from: number, to: number, limit: number): Promise<{ rows: RebalanceEventRow[]; truncated: boolean }>;
  /** Every group's baseline of a cluster (read once when sampling starts or resumes). */
  baselines(cluster: string): Promise<RebalanceBaselineRow[]>;
  /** Retention: events before `before` and baselines of groups without clients last seen before it. */
  purge(before: number): Promise<{ deleted: number }>;
}

const KINDS = new Set(['joined', 'left', 'moved']);

export function createRebalanceStore(db: Kysely<StoreDatabase>): RebalanceStore {
  return {
    async record(events, baseline) {
      await db.transaction().execute(async (trx) => {
        // a sample of a group with 1,000 queues can move them all: batches stay under both dialects' parameter limits
        for (let i = 0; i < events.length; i += 1000) {
          const batch = events.slice(i, i + 1000).map((e) => ({
            cluster: e.cluster,
            group_name: e.group,
            t: e.t,
            seq: e.seq,
            since_t: e.sinceT,
            kind: e.kind,
            client_id: e.clientId,
            from_client_id: e.fromClientId,
            topic: e.topic,
            broker_name: e.brokerName,
            queue_id: e.queueId,
          }));
          await trx.insertInto('rebalance_event').values(batch).onConflict((oc) => oc.doNothing()).execute();
        }
        const row = { cluster: baseline.cluster, group_name: baseline.group, t: baseline.t, clients: baseline.clients, body: baseline.body };
        await trx
          .insertInto('rebalance_baseline')
          .values(row)
          .onConflict((oc) => oc.columns(['cluster', 'group_name']).doUpdateSet({ t: row.t, clients: row.clients, body: row.body }))
          .execute();
      });
    },

    async events(cluster, group, from, to, limit) {
      // newest first to keep the newest when cut, then turned around
      const rows = await db
        .selectFrom('rebalance_event')
        .selectAll()
        .where('cluster', '=', cluster)
        .where('group_name', '=', group)
        .where('t', '>=', from)
        .where('t', '<=', to)
        .orderBy('t', 'desc')
        .orderBy('seq', 'desc')
        .limit(limit + 1)
        .execute();
      const truncated = rows.length > limit;
      return {
        truncated,
        rows: rows
          .slice(0, limit)
          .reverse()
          .map((r) => ({
            cluster: r.cluster,
            group: r.group_name,
            t: Number(r.t),
            seq: r.seq,
            sinceT: r.since_t === null ? null : Number(r.since_t),
            kind: KINDS.has(r.kind) ? (r.kind as RebalanceEventRow['kind']) : 'moved',
            clientId: r.client_id,
            fromClientId: r.from_client_id,
            topic: r.topic,
            brokerName: r.broker_name,
            queueId: r.queue_id,
          })),
      };
    },

    async baselines(cluster) {
      const rows = await db.selectFrom('rebalance_baseline').selectAll().where('cluster', '=', cluster).execute();
      return rows.map((r) => ({ cluster: r.cluster, group: r.group_name, t: Number(r.t), clients: r.clients, body: r.body }));
    },

    async purge(before) {
      return db.transaction().execute(async (trx) => {
        const events = await trx.deleteFrom('rebalance_event').where('t', '<', before).executeTakeFirst();
        // a group still online keeps its baseline however old (it is rewritten only when something changes)
        const baselines = await trx.deleteFrom('rebalance_baseline').where('t', '<', before).where('clients', '=', 0).executeTakeFirst();
        return { deleted: Number(events.numDeletedRows) + Number(baselines.numDeletedRows) };
      });
    },
  };
}
