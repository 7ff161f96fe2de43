import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema';

export type FavouriteKind = 'topic' | 'group';
export type SearchKind = 'key' | 'msgId' | 'range' | 'trace';

/** A topic or group one user starred on one cluster. */
export interface FavouriteRecord {
  kind: FavouriteKind;
  name: string;
  createdAt: number;
}

/** A message search one user ran on one cluster; `params` is the search's JSON (keys sorted by the caller). */
export interface RecentSearchRecord {
  kind: SearchKind;
  params: string;
  at: number;
}

/** Who and where: every personal record belongs to one user on one cluster. */
export interface Owner {
  user: string;
  cluster: string;
}

/** The signed-in user's own records: favourites and recent searches. Nothing here is audited or touches a cluster. */
export interface PersonalStore {
  /** Stars a topic or group; starring it again keeps the first time. */
  star(owner: Owner, kind: FavouriteKind, name: string, now: number): Promise<FavouriteRecord>;
  /** Whether there was a star to remove. */
  unstar(owner: Owner, kind: FavouriteKind, name: string): Promise<boolean>;
  /** The owner's favourites, oldest star first. */
  favourites(owner: Owner): Promise<FavouriteRecord[]>;
  /**
   * Records a search, newest first: the same search again moves to the top instead of adding a row, and only the
   * newest `keep` of the owner's searches stay.
   */
  recordSearch(owner: Owner, search: Omit<RecentSearchRecord, 'at'>, now: number, keep: number): Promise<void>;
  /** The owner's searches, newest first. */
  searches(owner: Owner): Promise<RecentSearchRecord[]>;
  /** Forgets the owner's searches; how many there were. */
  clearSearches(owner: Owner): Promise<number>;
}

const FAVOURITE_KINDS = new Set<string>(['topic', 'group']);
const SEARCH_KINDS = new Set<string>(['key', 'msgId', 'range', 'trace']);

export function createPersonalStore(db: Kysely<StoreDatabase>): PersonalStore {
  const favourites = (o: Owner) => db.selectFrom('favourite').where('user_name', '=', o.user).where('cluster', '=', o.cluster);
  const searches = (o: Owner) => db.selectFrom('recent_search').where('user_name', '=', o.user).where('cluster', '=', o.cluster);
  return {
    async star(o, kind, name, now) {
      await db
        .insertInto('favourite')
        .values({ user_name: o.user, cluster: o.cluster, kind, name, created_at: now })
        .onConflict((oc) => oc.columns(['user_name', 'cluster', 'kind', 'name']).doNothing())
        .execute();
      const row = await favourites(o).select('created_at').where('kind', '=', kind).where('name', '=', name).executeTakeFirstOrThrow();
      return { kind, name, createdAt: Number(row.created_at) };
    },
    async unstar(o, kind, name) {
      const r = await db.deleteFrom('favourite').where('user_name', '=', o.user).where('cluster', '=', o.cluster).where('kind', '=', kind).where('name', '=', name).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async favourites(o) {
      const rows = await favourites(o).selectAll().orderBy('created_at').orderBy('kind').orderBy('name').execute();
      // a row of a kind this version does not know (written by a newer one) is skipped, not guessed at
      return rows.filter((r) => FAVOURITE_KINDS.has(r.kind)).map((r) => ({ kind: r.kind as FavouriteKind, name: r.name, createdAt: Number(r.created_at) }));
    },
    async recordSearch(o, search, now, keep) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('recent_search')
          .values({ user_name: o.user, cluster: o.cluster, kind: search.kind, params: search.params, at: now })
          .onConflict((oc) => oc.columns(['user_name', 'cluster', 'kind', 'params']).doUpdateSet({ at: now }))
          .execute();
        const older = await trx
          .selectFrom('recent_search')
          .select(['kind', 'params'])
          .where('user_name', '=', o.user)
          .where('cluster', '=', o.cluster)
          .orderBy('at', 'desc')
          .orderBy('kind')
          .orderBy('params')
          .offset(keep)
          .limit(1000)
          .execute();
        for (const r of older) {
          await trx.deleteFrom('recent_search').where('user_name', '=', o.user).where('cluster', '=', o.cluster).where('kind', '=', r.kind).where('params', '=', r.params).execute();
        }
      });
    },
    async searches(o) {
      const rows = await searches(o).selectAll().orderBy('at', 'desc').orderBy('kind').orderBy('params').execute();
      return rows.filter((r) => SEARCH_KINDS.has(r.kind)).map((r) => ({ kind: r.kind as SearchKind, params: r.params, at: Number(r.at) }));
    },
    async clearSearches(o) {
      const r = await db.deleteFrom('recent_search').where('user_name', '=', o.user).where('cluster', '=', o.cluster).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
