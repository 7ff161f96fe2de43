import { describe, expect, it } from 'vitest';
import type { Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// Each user's language and theme on every dialect: preference-store.test.ts (SQLite file) and preference-store.pg.test.ts.

const T0 = Date.UTC(2026, 0, 1);

export function describePreferenceStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`preference store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);

    it('nothing chosen, then each preference set on its own keeps the other; per user; survives reopening', async () => {
      const { open } = await fresh();
      const store = await open();
      expect(await store.preferences.get('ann')).toEqual({});
      expect(await store.preferences.set('ann', { locale: 'zh-CN' }, T0)).toEqual({ locale: 'zh-CN' });
      expect(await store.preferences.set('ann', { theme: 'dark' }, T0 + 1)).toEqual({ locale: 'zh-CN', theme: 'dark' });
      await store.preferences.set('bob', { theme: 'light' }, T0);
      const again = await open();
      expect(await again.preferences.get('ann')).toEqual({ locale: 'zh-CN', theme: 'dark' });
      expect(await again.preferences.set('ann', { locale: 'en' }, T0 + 2)).toEqual({ locale: 'en', theme: 'dark' });
      expect(await again.preferences.get('bob')).toEqual({ theme: 'light' });
    });
  });
}
