import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../lib/console/alerts/evaluate';
import type { AlertChannel, Notification, NotificationItem } from '../../lib/console/alerts/notify/types';
import type { AlertRule } from '../../lib/console/alerts/rules';
import type { Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

const rule = (id: string, over: Partial<AlertRule> = {}): AlertRule => ({ id, name: `rule ${id}`, kind: 'lag', threshold: 100, forMs: 60_000, severity: 'warning', enabled: true, ...over });
const state = (ruleId: string, subject: string, over: Partial<AlertState> = {}): AlertState => ({ ruleId, cluster: 'c1', subject, phase: 'pending', since: 1_000, activeAt: 1_000, value: 150, ...over });

const channel = (id: string, over: Partial<AlertChannel> = {}): AlertChannel => ({ id, name: `channel ${id}`, kind: 'webhook', url: 'http://127.0.0.1:1/hook', secret: 's3cret', minSeverity: 'warning', sendResolved: true, minIntervalMs: 60_000, enabled: true, ...over });
const item = (subject: string, over: Partial<NotificationItem> = {}): NotificationItem => ({ ruleId: 'r1', ruleName: 'lag', kind: 'lag', severity: 'critical', subject, phase: 'firing', firedAt: 1_000, at: 1_000, value: 500, threshold: 100, ...over });
const note = (...items: NotificationItem[]): Notification => ({ cluster: 'c1', items, omitted: 0 });

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

    it('keeps notification channels per cluster, secrets included (the API leaves them out)', async () => {
      const store = await (await fresh()).open();
      await store.notify.putChannel('c1', channel('a'), 'alice', 1);
      await store.notify.putChannel('c1', channel('a', { kind: 'dingtalk', minIntervalMs: 0 }), 'bob', 2);
      await store.notify.putChannel('c2', channel('a', { kind: 'email', url: undefined, email: { host: 'smtp', port: 25, secure: false, from: 'a@b', to: ['c@d'], password: 'pw' } }), 'bob', 3);
      expect(await store.notify.channels('c1')).toEqual([channel('a', { kind: 'dingtalk', minIntervalMs: 0 })]);
      expect((await store.notify.channel('c2', 'a'))?.email?.password).toBe('pw');
      expect(await store.notify.deleteChannel('c1', 'a')).toBe(true);
      expect(await store.notify.deleteChannel('c1', 'a')).toBe(false);
      expect(await store.notify.channels('c1')).toEqual([]);
    });

    it('queues a message per channel, holds the next one back by minIntervalMs and merges what comes meanwhile into it', async () => {
      const store = await (await fresh()).open();
      const first = await store.notify.enqueue('c1', 'ch', note(item('g1')), 1_000, 60_000);
      // the first is not sent yet: g2 joins it
      expect(await store.notify.enqueue('c1', 'ch', note(item('g2')), 2_000, 60_000)).toBe(first);
      const [claimed] = await store.notify.claimDue('c1', 'A', 2_000, 60_000, 10);
      expect(claimed).toMatchObject({ id: first, status: 'sending', attempts: 0, dueAt: 1_000 });
      expect(claimed!.notification.items.map((i) => i.subject)).toEqual(['g1', 'g2']);
      await store.notify.finish(first, 'A', { status: 'sent', at: 2_500, answer: 'HTTP 200' });
      // sent 1 s ago: the next one waits until a minute after the first was made; g3 firing again replaces its older item
      const second = await store.notify.enqueue('c1', 'ch', note(item('g3')), 3_000, 60_000);
      expect(await store.notify.enqueue('c1', 'ch', note(item('g1', { phase: 'resolved', at: 4_000 })), 4_000, 60_000)).toBe(second);
      expect(await store.notify.enqueue('c1', 'ch', note(item('g3', { value: 900, at: 5_000 })), 5_000, 60_000)).toBe(second);
      expect(await store.notify.claimDue('c1', 'A', 60_999, 60_000, 10)).toEqual([]);
      const [next] = await store.notify.claimDue('c1', 'A', 61_000, 60_000, 10);
      expect(next!.notification.items.map((i) => `${i.subject} ${i.phase} ${i.value}`)).toEqual(['g3 firing 900', 'g1 resolved 500']);
      // another channel and another cluster have their own
      expect(await store.notify.enqueue('c1', 'other', note(item('g1')), 3_000, 60_000)).not.toBe(second);
      expect(await store.notify.deliveries('c2', { limit: 10 })).toEqual([]);
      expect((await store.notify.deliveries('c1', { limit: 10 })).map((d) => [d.id, d.status])).toEqual([
        [second + 1, 'queued'],
        [second, 'sending'],
        [first, 'sent'],
      ]);
      expect(await store.notify.delivery('c1', first)).toMatchObject({ status: 'sent', sentAt: 2_500, attempts: 1, lastAnswer: 'HTTP 200' });
    });

    it('lets one of two processes claim each due message, takes over a claim whose holder died, and records retries and failures', async () => {
      const db = await fresh();
      const [a, b] = await Promise.all([db.open(), db.open()]);
      const ids: number[] = [];
      for (let i = 0; i < 12; i++) ids.push(await a.notify.enqueue('c1', `ch${i}`, note(item(`g${i}`)), 1_000, 0));
      const [byA, byB] = await Promise.all([a.notify.claimDue('c1', 'A', 2_000, 30_000, 100), b.notify.claimDue('c1', 'B', 2_000, 30_000, 100)]);
      const all = [...byA, ...byB].map((d) => d.id).sort((x, y) => x - y);
      expect(all).toEqual(ids);
      // finishing is for the holder only
      const mine = byA[0] ?? byB[0]!;
      const holder = byA[0] ? 'A' : 'B';
      const other = holder === 'A' ? 'B' : 'A';
      await a.notify.finish(mine.id, other, { status: 'sent', at: 3_000 });
      expect((await a.notify.delivery('c1', mine.id))!.status).toBe('sending');
      await a.notify.finish(mine.id, holder, { status: 'queued', dueAt: 13_000, error: 'HTTP 503', answer: 'HTTP 503 busy' });
      expect(await a.notify.delivery('c1', mine.id)).toMatchObject({ status: 'queued', attempts: 1, dueAt: 13_000, lastError: 'HTTP 503', lastAnswer: 'HTTP 503 busy' });
      expect((await b.notify.claimDue('c1', 'B', 12_999, 30_000, 100)).map((d) => d.id)).toEqual([]);
      const [retry] = await b.notify.claimDue('c1', 'B', 13_000, 30_000, 100);
      expect(retry).toMatchObject({ id: mine.id, attempts: 1 });
      await b.notify.finish(mine.id, 'B', { status: 'failed', error: 'HTTP 404', answer: 'HTTP 404 no such robot' });
      expect(await a.notify.delivery('c1', mine.id)).toMatchObject({ status: 'failed', attempts: 2, lastError: 'HTTP 404' });
      // the others were claimed until 32,000: a process asking after that takes them over, once
      expect(await a.notify.claimDue('c1', 'A', 31_000, 30_000, 100)).toEqual([]);
      const [again1, again2] = await Promise.all([a.notify.claimDue('c1', 'A', 32_001, 30_000, 100), b.notify.claimDue('c1', 'B', 32_001, 30_000, 100)]);
      expect([...again1, ...again2].map((d) => d.id).sort((x, y) => x - y)).toEqual(ids.filter((id) => id !== mine.id));
    });

    it('queues a test message due now, never merged with alerts', async () => {
      const store = await (await fresh()).open();
      const queued = await store.notify.enqueue('c1', 'ch', note(item('g1')), 1_000, 60_000);
      const test = await store.notify.enqueueTest('c1', 'ch', { cluster: 'c1', items: [], omitted: 0, test: true }, 1_500);
      expect(test).not.toBe(queued);
      expect(await store.notify.delivery('c1', test)).toMatchObject({ test: true, status: 'queued', dueAt: 1_500, notification: { test: true, items: [] } });
      expect(await store.notify.enqueue('c1', 'ch', note(item('g2')), 2_000, 60_000)).toBe(queued);
    });
  });
}
