import type { Kysely } from 'kysely';
import type { AlertState, Transition } from '../alerts/evaluate';
import type { AlertRule } from '../alerts/rules';
import { jsonRecords } from './json-records';
import type { StoreDatabase } from './schema';

export interface AlertEvent extends Transition {
  id: number;
}

export interface AlertSilence {
  id: number;
  cluster: string;
  /** Every rule when absent. */
  ruleId?: string;
  /** Glob over the subject; every subject when absent. */
  subjectPattern?: string;
  endsAt: number;
  reason: string;
  createdBy: string;
  createdAt: number;
  endedBy?: string;
}

export interface AlertAck {
  cluster: string;
  ruleId: string;
  subject: string;
  /** The firing episode acknowledged (its AlertState.activeAt). */
  activeAt: number;
  ackedBy: string;
  ackedAt: number;
  comment?: string;
}

/**
 * Alert rules, the states an evaluation leaves, the history of transitions, silences and acknowledgements, and the
 * lease that lets one console process per cluster evaluate (the others read what it stored).
 */
export interface AlertStore {
  rules(cluster: string): Promise<AlertRule[]>;
  rule(cluster: string, id: string): Promise<AlertRule | undefined>;
  putRule(cluster: string, rule: AlertRule, by: string, now: number): Promise<void>;
  /** False when there was no such rule. */
  deleteRule(cluster: string, id: string): Promise<boolean>;
  states(cluster: string): Promise<AlertState[]>;
  /** Writes what one evaluation changed in one transaction: states upserted or removed, transitions appended. */
  saveEvaluation(cluster: string, change: { upsert: AlertState[]; remove: Array<{ ruleId: string; subject: string }>; transitions: Transition[] }): Promise<void>;
  /** Newest first. */
  events(cluster: string, options: { limit: number; before?: number; ruleId?: string; subject?: string }): Promise<AlertEvent[]>;
  addSilence(silence: Omit<AlertSilence, 'id'>): Promise<AlertSilence>;
  /** Silences not ended and not past their end at `now`. */
  silences(cluster: string, now: number): Promise<AlertSilence[]>;
  /** Ends a silence early; false when there was none running. */
  endSilence(cluster: string, id: number, by: string, now: number): Promise<boolean>;
  ack(ack: AlertAck): Promise<void>;
  acks(cluster: string): Promise<AlertAck[]>;
  /**
   * Takes or renews the lease `name` for `holder` until now + ttlMs; false while another holder's lease runs. A lease
   * past its expiry goes to whoever asks next.
   */
  lease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
}

const finite = (v: number | undefined): number | null => (v !== undefined && Number.isFinite(v) ? v : null);

export function createAlertStore(db: Kysely<StoreDatabase>): AlertStore {
  const rules = jsonRecords<AlertRule>(db, 'alert_rule');
  return {
    rules: rules.list,
    rule: rules.get,
    putRule: rules.put,
    deleteRule: rules.delete,
    async states(cluster) {
      const rows = await db.selectFrom('alert_state').select('body').where('cluster', '=', cluster).execute();
      return rows.map((r) => JSON.parse(r.body) as AlertState);
    },
    async saveEvaluation(cluster, change) {
      if (change.upsert.length + change.remove.length + change.transitions.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (const batch of chunks(change.upsert, 200)) {
          const rows = batch.map((s) => ({ cluster, rule_id: s.ruleId, subject: s.subject, body: JSON.stringify({ ...s, value: finite(s.value) ?? undefined }) }));
          await trx
            .insertInto('alert_state')
            .values(rows)
            .onConflict((oc) => oc.columns(['cluster', 'rule_id', 'subject']).doUpdateSet((eb) => ({ body: eb.ref('excluded.body') })))
            .execute();
        }
        for (const r of change.remove) await trx.deleteFrom('alert_state').where('cluster', '=', cluster).where('rule_id', '=', r.ruleId).where('subject', '=', r.subject).execute();
        for (const batch of chunks(change.transitions, 200)) {
          await trx
            .insertInto('alert_event')
            .values(batch.map((t) => ({ cluster, rule_id: t.ruleId, subject: t.subject, at: t.at, from_phase: t.from, to_phase: t.to, value: finite(t.value) })))
            .execute();
        }
      });
    },
    async events(cluster, { limit, before, ruleId, subject }) {
      let q = db.selectFrom('alert_event').selectAll().where('cluster', '=', cluster);
      if (before !== undefined) q = q.where('id', '<', before);
      if (ruleId !== undefined) q = q.where('rule_id', '=', ruleId);
      if (subject !== undefined) q = q.where('subject', '=', subject);
      const rows = await q.orderBy('id', 'desc').limit(limit).execute();
      return rows.map((r) => ({
        id: Number(r.id),
        ruleId: r.rule_id,
        cluster: r.cluster,
        subject: r.subject,
        at: Number(r.at),
        from: r.from_phase as Transition['from'],
        to: r.to_phase as Transition['to'],
        ...(r.value === null ? {} : { value: Number(r.value) }),
      }));
    },
    async addSilence(s) {
      const row = await db
        .insertInto('alert_silence')
        .values({ cluster: s.cluster, rule_id: s.ruleId ?? null, subject_pattern: s.subjectPattern ?? null, ends_at: s.endsAt, reason: s.reason, created_by: s.createdBy, created_at: s.createdAt, ended_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { ...s, id: Number(row.id) };
    },
    async silences(cluster, now) {
      const rows = await db.selectFrom('alert_silence').selectAll().where('cluster', '=', cluster).where('ended_by', 'is', null).where('ends_at', '>', now).orderBy('id').execute();
      return rows.map((r) => ({
        id: Number(r.id),
        cluster: r.cluster,
        ...(r.rule_id === null ? {} : { ruleId: r.rule_id }),
        ...(r.subject_pattern === null ? {} : { subjectPattern: r.subject_pattern }),
        endsAt: Number(r.ends_at),
        reason: r.reason,
        createdBy: r.created_by,
        createdAt: Number(r.created_at),
      }));
    },
    async endSilence(cluster, id, by, now) {
      const r = await db.updateTable('alert_silence').set({ ended_by: by, ends_at: now }).where('cluster', '=', cluster).where('id', '=', id).where('ended_by', 'is', null).where('ends_at', '>', now).executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },
    async ack(a) {
      const row = { cluster: a.cluster, rule_id: a.ruleId, subject: a.subject, active_at: a.activeAt, acked_by: a.ackedBy, acked_at: a.ackedAt, comment: a.comment ?? null };
      await db
        .insertInto('alert_ack')
        .values(row)
        .onConflict((oc) => oc.columns(['cluster', 'rule_id', 'subject', 'active_at']).doUpdateSet({ acked_by: row.acked_by, acked_at: row.acked_at, comment: row.comment }))
        .execute();
    },
    async acks(cluster) {
      const rows = await db.selectFrom('alert_ack').selectAll().where('cluster', '=', cluster).execute();
      return rows.map((r) => ({ cluster: r.cluster, ruleId: r.rule_id, subject: r.subject, activeAt: Number(r.active_at), ackedBy: r.acked_by, ackedAt: Number(r.acked_at), ...(r.comment === null ? {} : { comment: r.comment }) }));
    },
    async lease(name, holder, now, ttlMs) {
      // one statement whoever runs it: an expired or own lease is taken over, a running one of another holder kept
      await db
        .insertInto('console_lease')
        .values({ name, holder, expires_at: now + ttlMs })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, expires_at: now + ttlMs })
            .where((eb) => eb.or([eb('console_lease.holder', '=', holder), eb('console_lease.expires_at', '<', now)])),
        )
        .execute();
      const current = await db.selectFrom('console_lease').select('holder').where('name', '=', name).executeTakeFirst();
      return current?.holder === holder;
    },
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
