import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema';

/** One audited action and, once it finished, its outcome. JSON columns come back parsed. */
export interface AuditRecord {
  id: number;
  at: number;
  actor: string;
  /** How the actor reached the console: ui, api (a token) or cli. */
  channel: string;
  cluster: string;
  action: string;
  group: string | null;
  topic: string | null;
  params: unknown;
  plan: unknown;
  undoOf: number | null;
  /** What the change was on; resets written before targets were recorded say group. */
  target: { kind: string; name: string } | null;
  outcome: { at: number; status: string; result: unknown; durationMs: number; error: string | null } | null;
  /** The parts of the change recorded as they ended, in order; read only for an entry without an outcome. */
  progress: Array<{ at: number; result: unknown }>;
}

export interface AuditFilter {
  cluster: string;
  group?: string;
  topic?: string;
  actor?: string;
  action?: string;
  from?: number;
  to?: number;
  undoOf?: number;
  targetKind?: string;
  targetName?: string;
  limit: number;
  offset: number;
}

export interface AuditStore {
  /** Writes the entry before the action runs; returns its id. */
  begin(entry: { at: number; actor: string; channel: string; cluster: string; action: string; group: string | null; topic: string | null; params: unknown; plan: unknown; undoOf?: number | null; target?: { kind: string; name: string } }): Promise<number>;
  /** Writes the outcome once; a second outcome for the same entry is ignored (append-only). */
  finish(id: number, outcome: { at: number; status: string; result: unknown; durationMs: number; error?: string | null }): Promise<void>;
  /** Records that part `seq` of a running change ended (written before the next part's outcome could be lost). */
  progress(id: number, seq: number, part: { at: number; result: unknown }): Promise<void>;
  get(id: number): Promise<AuditRecord | undefined>;
  list(filter: AuditFilter): Promise<{ items: AuditRecord[]; total: number }>;
}

export function createAuditStore(db: Kysely<StoreDatabase>): AuditStore {
  const base = () =>
    db
      .selectFrom('audit_entry as e')
      .leftJoin('audit_outcome as o', 'o.entry_id', 'e.id')
      .select([
        'e.id', 'e.at', 'e.actor', 'e.channel', 'e.cluster', 'e.action', 'e.group_name', 'e.topic', 'e.params', 'e.plan', 'e.undo_of', 'e.target_kind', 'e.target_name',
        'o.at as outcome_at', 'o.status', 'o.result', 'o.duration_ms', 'o.error',
      ]);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirst']>>;
  const fromRow = (r: NonNullable<Row>): AuditRecord => ({
    id: Number(r.id),
    at: Number(r.at),
    actor: r.actor,
    channel: r.channel,
    cluster: r.cluster,
    action: r.action,
    group: r.group_name,
    topic: r.topic,
    params: JSON.parse(r.params) as unknown,
    plan: JSON.parse(r.plan) as unknown,
    undoOf: r.undo_of === null ? null : Number(r.undo_of),
    target: r.target_kind && r.target_name ? { kind: r.target_kind, name: r.target_name } : r.group_name ? { kind: 'group', name: r.group_name } : null,
    outcome:
      r.status === null || r.status === undefined
        ? null
        : { at: Number(r.outcome_at), status: r.status, result: JSON.parse(r.result ?? 'null') as unknown, durationMs: Number(r.duration_ms), error: r.error ?? null },
    progress: [],
  });
  // the parts of entries that have no outcome (running or interrupted): one query for a page of entries
  const withProgress = async (records: AuditRecord[]): Promise<AuditRecord[]> => {
    const open = records.filter((r) => !r.outcome).map((r) => r.id);
    if (open.length === 0) return records;
    const rows = await db.selectFrom('audit_progress').select(['entry_id', 'seq', 'at', 'result']).where('entry_id', 'in', open).orderBy('entry_id').orderBy('seq').execute();
    const byEntry = new Map<number, AuditRecord['progress']>();
    for (const row of rows) byEntry.set(Number(row.entry_id), [...(byEntry.get(Number(row.entry_id)) ?? []), { at: Number(row.at), result: JSON.parse(row.result) as unknown }]);
    return records.map((r) => (byEntry.has(r.id) ? { ...r, progress: byEntry.get(r.id)! } : r));
  };
  return {
    async begin(entry) {
      const row = await db
        .insertInto('audit_entry')
        .values({
          at: entry.at,
          actor: entry.actor,
          channel: entry.channel,
          cluster: entry.cluster,
          action: entry.action,
          group_name: entry.group,
          topic: entry.topic,
          params: JSON.stringify(entry.params),
          plan: JSON.stringify(entry.plan),
          undo_of: entry.undoOf ?? null,
          target_kind: entry.target?.kind ?? null,
          target_name: entry.target?.name ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    },
    async finish(id, outcome) {
      await db
        .insertInto('audit_outcome')
        .values({ entry_id: id, at: outcome.at, status: outcome.status, result: JSON.stringify(outcome.result), duration_ms: Math.round(outcome.durationMs), error: outcome.error ?? null })
        .onConflict((oc) => oc.column('entry_id').doNothing())
        .execute();
    },
    async progress(id, seq, part) {
      await db
        .insertInto('audit_progress')
        .values({ entry_id: id, seq, at: part.at, result: JSON.stringify(part.result) })
        .onConflict((oc) => oc.columns(['entry_id', 'seq']).doNothing())
        .execute();
    },
    async get(id) {
      const row = await base().where('e.id', '=', id).executeTakeFirst();
      return row ? (await withProgress([fromRow(row)]))[0] : undefined;
    },
    async list(f) {
      let q = base().where('e.cluster', '=', f.cluster);
      let c = db.selectFrom('audit_entry as e').select((eb) => eb.fn.countAll<number>().as('n')).where('e.cluster', '=', f.cluster);
      // the same conditions on the page and on the count
      const equal = [['e.group_name', f.group], ['e.topic', f.topic], ['e.actor', f.actor], ['e.action', f.action], ['e.undo_of', f.undoOf], ['e.target_kind', f.targetKind], ['e.target_name', f.targetName]] as const;
      for (const [column, value] of equal) {
        if (value === undefined || value === '') continue;
        q = q.where(column, '=', value);
        c = c.where(column, '=', value);
      }
      if (f.from !== undefined) {
        q = q.where('e.at', '>=', f.from);
        c = c.where('e.at', '>=', f.from);
      }
      if (f.to !== undefined) {
        q = q.where('e.at', '<=', f.to);
        c = c.where('e.at', '<=', f.to);
      }
      const rows = await q.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(f.limit).offset(f.offset).execute();
      const total = Number((await c.executeTakeFirstOrThrow()).n);
      return { items: await withProgress(rows.map(fromRow)), total };
    },
  };
}
