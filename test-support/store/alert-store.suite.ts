import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../lib/console/alerts/evaluate';
import type { AlertRule } from '../../lib/console/alerts/rules';
import type { Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

const rule = (id: string, over: Partial<AlertRule> = {}): AlertRule => ({ id, name: `rule ${id}`, kind: 'lag', threshold: 100, forMs: 60_000, severity: 'warning', enabled: true, ...over });
const state = (ruleId: string, subject: string, over: Partial<AlertState> = {}): AlertState => ({ ruleId, cluster: 'c1', subject, phase: 'pending', since: 1_000, activeAt: 1_000, value: 150, ...over });

// Alert rules, states, history, silences, acknowledgements and the evaluation lease on every dialect:
// alert-store.test.ts (SQLite file), alert-store.pg.test.ts (PostgreSQL).
export function describeAlertStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`alert store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);

    it('keeps rules per cluster; a put replaces the rule of that id', async () => {
      const store = await (await fresh()).open();
      await store.alerts.putRule('c1', rule('b', { note: 'call payments' }), 'alice', 1);
      await store.alerts.putRule('c1', rule('a'), 'alice', 2);
      await store.alerts.putRule('c2', rule('a', { threshold: 5 }), 'bob', 3);
      await store.alerts.putRule('c1', rule('a', { threshold: 7, groupPattern: 'pay_*' }), 'bob', 4);
      expect(await store.alerts.rules('c1')).toEqual([rule('a', { threshold: 7, groupPattern: 'pay_*' }), rule('b', { note: 'call payments' })]);
      expect(await store.alerts.rules('c2')).toEqual([rule('a', { threshold: 5 })]);
      expect(await store.alerts.rule('c1', 'b')).toEqual(rule('b', { note: 'call payments' }));
      expect(await store.alerts.rule('c2', 'b')).toBeUndefined();
      expect(await store.alerts.deleteRule('c1', 'a')).toBe(true);
      expect(await store.alerts.deleteRule('c1', 'a')).toBe(false);
      expect((await store.alerts.rules('c1')).map((r) => r.id)).toEqual(['b']);
    });

    it('saves what an evaluation changed: states upserted and removed, transitions appended newest first; a never-ending drain time is kept as no figure', async () => {
      const store = await (await fresh()).open();
      await store.alerts.saveEvaluation('c1', {
        upsert: [state('r1', 'g1'), state('r1', 'g2', { value: Number.POSITIVE_INFINITY })],
        remove: [],
        transitions: [
          { ruleId: 'r1', cluster: 'c1', subject: 'g1', from: 'inactive', to: 'pending', at: 1_000, value: 150 },
          { ruleId: 'r1', cluster: 'c1', subject: 'g2', from: 'inactive', to: 'pending', at: 1_000, value: Number.POSITIVE_INFINITY },
        ],
      });
      await store.alerts.saveEvaluation('c1', {
        upsert: [state('r1', 'g1', { phase: 'firing', since: 61_000, firedAt: 61_000 })],
        remove: [{ ruleId: 'r1', subject: 'g2' }],
        transitions: [{ ruleId: 'r1', cluster: 'c1', subject: 'g1', from: 'pending', to: 'firing', at: 61_000, value: 150 }],
      });
      expect(await store.alerts.states('c1')).toEqual([state('r1', 'g1', { phase: 'firing', since: 61_000, firedAt: 61_000 })]);
      expect(await store.alerts.states('c2')).toEqual([]);
      const events = await store.alerts.events('c1', { limit: 10 });
      expect(events.map((e) => `${e.subject} ${e.from}>${e.to} ${e.value ?? '-'}`)).toEqual(['g1 pending>firing 150', 'g2 inactive>pending -', 'g1 inactive>pending 150']);
      expect((await store.alerts.events('c1', { limit: 10, subject: 'g2' })).length).toBe(1);
      expect((await store.alerts.events('c1', { limit: 1, before: events[0]!.id })).map((e) => e.subject)).toEqual(['g2']);
    });

    it('lists running silences only, and ends one early once', async () => {
      const store = await (await fresh()).open();
      const s1 = await store.alerts.addSilence({ cluster: 'c1', ruleId: 'r1', subjectPattern: 'pay_*', endsAt: 10_000, reason: 'deploy', createdBy: 'alice', createdAt: 1 });
      await store.alerts.addSilence({ cluster: 'c1', endsAt: 5_000, reason: 'maintenance', createdBy: 'bob', createdAt: 2 });
      expect((await store.alerts.silences('c1', 4_000)).map((s) => s.reason)).toEqual(['deploy', 'maintenance']);
      expect((await store.alerts.silences('c1', 6_000)).map((s) => s.reason)).toEqual(['deploy']);
      expect(await store.alerts.silences('c1', 6_000)).toEqual([{ id: s1.id, cluster: 'c1', ruleId: 'r1', subjectPattern: 'pay_*', endsAt: 10_000, reason: 'deploy', createdBy: 'alice', createdAt: 1 }]);
      expect(await store.alerts.endSilence('c1', s1.id, 'carol', 7_000)).toBe(true);
      expect(await store.alerts.endSilence('c1', s1.id, 'carol', 7_500)).toBe(false);
      expect(await store.alerts.silences('c1', 7_000)).toEqual([]);
    });

    it('acknowledges one firing episode; acknowledging it again keeps one row', async () => {
      const store = await (await fresh()).open();
      await store.alerts.ack({ cluster: 'c1', ruleId: 'r1', subject: 'g1', activeAt: 1_000, ackedBy: 'alice', ackedAt: 2_000 });
      await store.alerts.ack({ cluster: 'c1', ruleId: 'r1', subject: 'g1', activeAt: 1_000, ackedBy: 'bob', ackedAt: 3_000, comment: 'on it' });
      expect(await store.alerts.acks('c1')).toEqual([{ cluster: 'c1', ruleId: 'r1', subject: 'g1', activeAt: 1_000, ackedBy: 'bob', ackedAt: 3_000, comment: 'on it' }]);
    });

    it('gives the evaluation lease to one of two processes racing for it, renews it for its holder, and hands it over once it expired', async () => {
      const db = await fresh();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      const [gotA, gotB] = await Promise.all([a.alerts.lease('alerts:c1', 'A', 1_000, 30_000), b.alerts.lease('alerts:c1', 'B', 1_000, 30_000)]);
      expect([gotA, gotB].filter(Boolean)).toHaveLength(1);
      const [holder, other] = gotA ? (['A', 'B'] as const) : (['B', 'A'] as const);
      const storeOf = { A: a, B: b };
      expect(await storeOf[holder].alerts.lease('alerts:c1', holder, 20_000, 30_000)).toBe(true);
      expect(await storeOf[other].alerts.lease('alerts:c1', other, 40_000, 30_000)).toBe(false);
      expect(await storeOf[other].alerts.lease('alerts:c1', other, 50_001, 30_000)).toBe(true);
      expect(await storeOf[holder].alerts.lease('alerts:c1', holder, 50_002, 30_000)).toBe(false);
      expect(await storeOf[holder].alerts.lease('alerts:c2', holder, 50_002, 30_000)).toBe(true);
    });
  });
}
