import { describe, expect, it } from 'vitest';
import type { Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// Favourites and recent searches on every dialect: personal-store.test.ts (SQLite file) and personal-store.pg.test.ts.

const T0 = Date.UTC(2026, 0, 1);
const ann = { user: 'ann', cluster: 'c' };

export function describePersonalStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`personal store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);

    it('stars per user and cluster, keeps the first star time, unstars; survives reopening', async () => {
      const { open } = await fresh();
      const store = await open();
      expect(await store.personal.star(ann, 'group', 'g1', T0)).toEqual({ kind: 'group', name: 'g1', createdAt: T0 });
      expect(await store.personal.star(ann, 'group', 'g1', T0 + 5)).toEqual({ kind: 'group', name: 'g1', createdAt: T0 });
      await store.personal.star(ann, 'topic', 'g1', T0 + 1);
      await store.personal.star({ user: 'bob', cluster: 'c' }, 'group', 'bobs', T0);
      await store.personal.star({ user: 'ann', cluster: 'c2' }, 'group', 'elsewhere', T0);

      const again = await open();
      expect(await again.personal.favourites(ann)).toEqual([
        { kind: 'group', name: 'g1', createdAt: T0 },
        { kind: 'topic', name: 'g1', createdAt: T0 + 1 },
      ]);
      expect(await again.personal.unstar(ann, 'group', 'g1')).toBe(true);
      expect(await again.personal.unstar(ann, 'group', 'g1')).toBe(false);
      expect(await again.personal.favourites(ann)).toEqual([{ kind: 'topic', name: 'g1', createdAt: T0 + 1 }]);
      expect((await again.personal.favourites({ user: 'bob', cluster: 'c' })).map((f) => f.name)).toEqual(['bobs']);
    });

    it('records searches newest first, one row per distinct search, the newest `keep` only, per user and cluster; clears', async () => {
      const store = await (await fresh()).open();
      for (let i = 0; i < 5; i++) await store.personal.recordSearch(ann, { kind: 'key', params: `{"key":"k${i}"}` }, T0 + i, 3);
      await store.personal.recordSearch(ann, { kind: 'key', params: '{"key":"k2"}' }, T0 + 10, 3);
      await store.personal.recordSearch({ user: 'bob', cluster: 'c' }, { kind: 'msgId', params: '{"msgId":"AB"}' }, T0, 3);
      await store.personal.recordSearch({ user: 'ann', cluster: 'c2' }, { kind: 'trace', params: '{"key":"x"}' }, T0, 3);

      expect(await store.personal.searches(ann)).toEqual([
        { kind: 'key', params: '{"key":"k2"}', at: T0 + 10 },
        { kind: 'key', params: '{"key":"k4"}', at: T0 + 4 },
        { kind: 'key', params: '{"key":"k3"}', at: T0 + 3 },
      ]);
      // the same parameters under another kind are another search
      await store.personal.recordSearch(ann, { kind: 'trace', params: '{"key":"k2"}' }, T0 + 11, 3);
      expect((await store.personal.searches(ann)).map((s) => `${s.kind} ${s.params}`)).toEqual(['trace {"key":"k2"}', 'key {"key":"k2"}', 'key {"key":"k4"}']);

      expect(await store.personal.clearSearches(ann)).toBe(3);
      expect(await store.personal.searches(ann)).toEqual([]);
      expect(await store.personal.searches({ user: 'bob', cluster: 'c' })).toHaveLength(1);
      expect(await store.personal.searches({ user: 'ann', cluster: 'c2' })).toHaveLength(1);
    });
  });
}
