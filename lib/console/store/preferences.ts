import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema';

/** What a user chose for their pages; absent = not chosen. The values are checked by the caller. */
export interface UserPreferences {
  locale?: string;
  theme?: string;
}

export interface PreferenceStore {
  get(user: string): Promise<UserPreferences>;
  /** Sets the given preferences, keeping the others. */
  set(user: string, preferences: UserPreferences, now: number): Promise<UserPreferences>;
}

export function createPreferenceStore(db: Kysely<StoreDatabase>): PreferenceStore {
  const get = async (user: string): Promise<UserPreferences> => {
    const row = await db.selectFrom('user_preference').select(['locale', 'theme']).where('user_name', '=', user).executeTakeFirst();
    return { ...(row?.locale ? { locale: row.locale } : {}), ...(row?.theme ? { theme: row.theme } : {}) };
  };
  return {
    get,
    async set(user, preferences, now) {
      const next = { ...(await get(user)), ...preferences };
      const values = { locale: next.locale ?? null, theme: next.theme ?? null, updated_at: now };
      await db
        .insertInto('user_preference')
        .values({ user_name: user, ...values })
        .onConflict((oc) => oc.column('user_name').doUpdateSet(values))
        .execute();
      return next;
    },
  };
}
