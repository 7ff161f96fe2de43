import type { Kysely, Selectable } from 'kysely';
import type { AlertChannel, Delivery, DeliveryStatus, Notification, NotificationItem } from '../alerts/notify/types';
import { jsonRecords } from './json-records';
import type { AlertDeliveryTable, StoreDatabase } from './schema';

/** Items kept in one stored message; past this a message counts what it left out. */
export const MAX_STORED_ITEMS = 2000;

export type DeliveryOutcome =
  | { status: 'sent'; at: number; answer?: string }
  | { status: 'queued'; dueAt: number; error: string; answer?: string }
  | { status: 'failed'; error: string; answer?: string };

/**
 * Notification channels of a cluster and the messages sent to them. Messages are queued, claimed by one console
 * process (a conditional update: whoever's update changed the row sends it), sent, and finished as sent, queued
 * again for a retry, or failed, with the receiver's answer.
 */
export interface NotifyStore {
  channels(cluster: string): Promise<AlertChannel[]>;
  channel(cluster: string, id: string): Promise<AlertChannel | undefined>;
  putChannel(cluster: string, channel: AlertChannel, by: string, now: number): Promise<void>;
  deleteChannel(cluster: string, id: string): Promise<boolean>;
  /**
   * Queues items for a channel. While a message for it waits unsent (held back by minIntervalMs), the items join it;
   * otherwise a new message is due at the later of now and the previous message's creation + minIntervalMs.
   */
  enqueue(cluster: string, channelId: string, notification: Notification, now: number, minIntervalMs: number): Promise<number>;
  /** A test message, due now and never merged. */
  enqueueTest(cluster: string, channelId: string, notification: Notification, now: number): Promise<number>;
  /** Claims up to `limit` due messages for `holder` until now + claimMs; a claim past its end is taken over. */
  claimDue(cluster: string, holder: string, now: number, claimMs: number, limit: number): Promise<Delivery[]>;
  finish(id: number, holder: string, outcome: DeliveryOutcome): Promise<void>;
  delivery(cluster: string, id: number): Promise<Delivery | undefined>;
  /** Newest first. */
  deliveries(cluster: string, options: { limit: number; channelId?: string; before?: number }): Promise<Delivery[]>;
}

export function createNotifyStore(db: Kysely<StoreDatabase>): NotifyStore {
  const channels = jsonRecords<AlertChannel>(db, 'alert_channel');
  return {
    channels: channels.list,
    channel: channels.get,
    putChannel: channels.put,
    deleteChannel: channels.delete,
    async enqueue(cluster, channelId, notification, now, minIntervalMs) {
      return db.transaction().execute(async (trx) => {
        const waiting = await trx
          .selectFrom('alert_delivery')
          .select(['id', 'body'])
          .where('cluster', '=', cluster)
          .where('channel_id', '=', channelId)
          .where('test', '=', 0)
          .where('status', '=', 'queued')
          .where('attempts', '=', 0)
          .orderBy('id', 'desc')
          .executeTakeFirst();
        if (waiting) {
          const merged = merge(JSON.parse(waiting.body) as Notification, notification);
          const r = await trx.updateTable('alert_delivery').set({ body: JSON.stringify(merged) }).where('id', '=', waiting.id).where('status', '=', 'queued').where('attempts', '=', 0).executeTakeFirst();
          if (Number(r.numUpdatedRows) > 0) return Number(waiting.id);
        }
        const last = await trx.selectFrom('alert_delivery').select('created_at').where('cluster', '=', cluster).where('channel_id', '=', channelId).where('test', '=', 0).orderBy('id', 'desc').executeTakeFirst();
        const dueAt = Math.max(now, last ? Number(last.created_at) + minIntervalMs : now);
        return insert(trx, cluster, channelId, notification, now, dueAt, false);
      });
    },
    async enqueueTest(cluster, channelId, notification, now) {
      return insert(db, cluster, channelId, notification, now, now, true);
    },
    async claimDue(cluster, holder, now, claimMs, limit) {
      const candidates = await db
        .selectFrom('alert_delivery')
        .selectAll()
        .where('cluster', '=', cluster)
        .where((eb) => eb.or([eb.and([eb('status', '=', 'queued'), eb('due_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])]))
        .orderBy('due_at')
        .limit(limit)
        .execute();
      const claimed: Delivery[] = [];
      for (const row of candidates) {
        // the row as read: another process that claimed it first changed status or claimed_until
        const r = await db
          .updateTable('alert_delivery')
          .set({ status: 'sending', claimed_by: holder, claimed_until: now + claimMs })
          .where('id', '=', row.id)
          .where('status', '=', row.status)
          .where((eb) => (row.claimed_until === null ? eb('claimed_until', 'is', null) : eb('claimed_until', '=', row.claimed_until)))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) > 0) claimed.push(toDelivery({ ...row, status: 'sending' }));
      }
      return claimed;
    },
    async finish(id, holder, outcome) {
      const base = db.updateTable('alert_delivery').where('id', '=', id).where('claimed_by', '=', holder).where('status', '=', 'sending');
      const answer = outcome.answer === undefined ? null : outcome.answer.slice(0, 2000);
      if (outcome.status === 'sent') {
        await base.set((eb) => ({ status: 'sent', sent_at: outcome.at, last_answer: answer, last_error: null, claimed_until: null, attempts: eb('attempts', '+', 1) })).execute();
      } else if (outcome.status === 'queued') {
        await base.set((eb) => ({ status: 'queued', due_at: outcome.dueAt, last_error: outcome.error.slice(0, 2000), last_answer: answer, claimed_until: null, attempts: eb('attempts', '+', 1) })).execute();
      } else {
        await base.set((eb) => ({ status: 'failed', last_error: outcome.error.slice(0, 2000), last_answer: answer, claimed_until: null, attempts: eb('attempts', '+', 1) })).execute();
      }
    },
    async delivery(cluster, id) {
      const row = await db.selectFrom('alert_delivery').selectAll().where('cluster', '=', cluster).where('id', '=', id).executeTakeFirst();
      return row ? toDelivery(row) : undefined;
    },
    async deliveries(cluster, { limit, channelId, before }) {
      let q = db.selectFrom('alert_delivery').selectAll().where('cluster', '=', cluster);
      if (channelId !== undefined) q = q.where('channel_id', '=', channelId);
      if (before !== undefined) q = q.where('id', '<', before);
      return (await q.orderBy('id', 'desc').limit(limit).execute()).map(toDelivery);
    },
  };
}

async function insert(db: Kysely<StoreDatabase>, cluster: string, channelId: string, notification: Notification, now: number, dueAt: number, test: boolean): Promise<number> {
  const row = await db
    .insertInto('alert_delivery')
    .values({ cluster, channel_id: channelId, test: test ? 1 : 0, created_at: now, due_at: dueAt, status: 'queued', attempts: 0, body: JSON.stringify(cap(notification)), claimed_by: null, claimed_until: null, sent_at: null, last_error: null, last_answer: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/**
 * A waiting message and newer items. An alert that fired and resolved before the message went keeps both items (the
 * on-call learns it happened); a newer item of the same alert and phase replaces the older one.
 */
function merge(waiting: Notification, next: Notification): Notification {
  const key = (i: NotificationItem) => `${i.ruleId}\u0000${i.subject}\u0000${i.phase}`;
  const byKey = new Map(waiting.items.map((i) => [key(i), i]));
  for (const item of next.items) byKey.set(key(item), item);
  return cap({ cluster: waiting.cluster, items: [...byKey.values()], omitted: waiting.omitted + next.omitted });
}

function cap(n: Notification): Notification {
  if (n.items.length <= MAX_STORED_ITEMS) return n;
  return { ...n, items: n.items.slice(0, MAX_STORED_ITEMS), omitted: n.omitted + n.items.length - MAX_STORED_ITEMS };
}

function toDelivery(r: Selectable<AlertDeliveryTable>): Delivery {
  return {
    id: Number(r.id),
    cluster: r.cluster,
    channelId: r.channel_id,
    test: Number(r.test) === 1,
    createdAt: Number(r.created_at),
    dueAt: Number(r.due_at),
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    notification: JSON.parse(r.body) as Notification,
    ...(r.sent_at === null ? {} : { sentAt: Number(r.sent_at) }),
    ...(r.last_error === null ? {} : { lastError: r.last_error }),
    ...(r.last_answer === null ? {} : { lastAnswer: r.last_answer }),
  };
}
