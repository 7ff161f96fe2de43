import { describe, expect, it } from 'vitest';
import type { Store } from '../../lib/console/store';
import type { TestDatabase } from '../databases';
import { freshDatabases } from './fresh-databases';

// The audit log's behaviour on every dialect: audit-store.test.ts (SQLite file), audit-store.pg.test.ts (PostgreSQL).
export function describeAuditStore(kind: Store['kind'], createDatabase: () => Promise<TestDatabase>): void {
  describe(`audit store on ${kind}`, () => {
    const fresh = freshDatabases(createDatabase);
    const entry = (at: number, group: string, topic: string | null = 'T') => ({
      at, actor: 'local', channel: 'ui', cluster: 'c', action: 'reset-offset', group, topic, params: { mode: 'timestamp', timestamp: at - 60_000 }, plan: { queues: [{ brokerName: 'b', queueId: 0, before: 5, target: 2 }] },
    });

    it('names the target of a change, and lists by it; an entry without one (a reset) names its group', async () => {
      const store = await (await fresh()).open();
      const topicChange = await store.audit.begin({ ...entry(1_000, 'x'), group: null, topic: 'T1', action: 'topic.update', target: { kind: 'topic', name: 'T1' } });
      const reset = await store.audit.begin(entry(2_000, 'g1'));
      expect((await store.audit.get(topicChange))!.target).toEqual({ kind: 'topic', name: 'T1' });
      expect((await store.audit.get(reset))!.target).toEqual({ kind: 'group', name: 'g1' });
      const listed = await store.audit.list({ cluster: 'c', targetKind: 'topic', targetName: 'T1', limit: 10, offset: 0 });
      expect([listed.total, listed.items.map((e) => e.id)]).toEqual([1, [topicChange]]);
    });

    it('writes an entry before the action and its outcome after, parsing JSON back', async () => {
      const store = await (await fresh()).open();
      const id = await store.audit.begin(entry(1_000, 'g'));
      expect(await store.audit.get(id)).toMatchObject({ id, at: 1_000, actor: 'local', channel: 'ui', group: 'g', topic: 'T', outcome: null, params: { mode: 'timestamp' }, undoOf: null });
      await store.audit.finish(id, { at: 1_250, status: 'completed', result: { queues: [{ ok: true }] }, durationMs: 250 });
      expect((await store.audit.get(id))!.outcome).toEqual({ at: 1_250, status: 'completed', result: { queues: [{ ok: true }] }, durationMs: 250, error: null });
    });

    it('is append-only: a second outcome for the same entry is ignored', async () => {
      const store = await (await fresh()).open();
      const id = await store.audit.begin(entry(1_000, 'g'));
      await store.audit.finish(id, { at: 2_000, status: 'partial', result: {}, durationMs: 1, error: 'broker-b failed' });
      await store.audit.finish(id, { at: 3_000, status: 'completed', result: {}, durationMs: 1 });
      expect((await store.audit.get(id))!.outcome).toMatchObject({ status: 'partial', error: 'broker-b failed' });
    });

    it('keeps an entry whose process died before its outcome, across reopening the database', async () => {
      const { open } = await fresh();
      const first = await open();
      const id = await first.audit.begin(entry(1_000, 'g'));
      await first.close();
      const second = await open();
      expect((await second.audit.get(id))!.outcome).toBeNull();
    });

    it('keeps the parts of a change recorded as they ended, for the entry without an outcome, in order, once each', async () => {
      const { open } = await fresh();
      const first = await open();
      const id = await first.audit.begin(entry(1_000, 'g'));
      const other = await first.audit.begin(entry(1_100, 'h'));
      await first.audit.progress(id, 2, { at: 1_300, result: { queues: [{ brokerName: 'b', queueId: 1, outcome: 'reset' }] } });
      await first.audit.progress(id, 1, { at: 1_200, result: { queues: [{ brokerName: 'a', queueId: 0, outcome: 'reset' }] } });
      await first.audit.progress(id, 1, { at: 1_250, result: { queues: [] } });
      await first.close();
      const second = await open();
      const expected = [{ at: 1_200, result: { queues: [{ brokerName: 'a', queueId: 0, outcome: 'reset' }] } }, { at: 1_300, result: { queues: [{ brokerName: 'b', queueId: 1, outcome: 'reset' }] } }];
      expect((await second.audit.get(id))!.progress).toEqual(expected);
      const listed = await second.audit.list({ cluster: 'c', limit: 10, offset: 0 });
      expect(listed.items.map((e) => [e.id, e.progress.length])).toEqual([[other, 0], [id, 2]]);
      // once finished, the outcome says it all: the parts are not read again
      await second.audit.finish(id, { at: 1_400, status: 'completed', result: {}, durationMs: 400 });
      expect((await second.audit.get(id))!.progress).toEqual([]);
    });

    it('lists newest first with filters by group, topic, actor, time range and undo link, and counts', async () => {
      const store = await (await fresh()).open();
      const a = await store.audit.begin(entry(1_000, 'g1'));
      await store.audit.begin(entry(2_000, 'g2', 'U'));
      const c = await store.audit.begin({ ...entry(3_000, 'g1'), action: 'undo-reset-offset', undoOf: a });
      await store.audit.begin({ ...entry(4_000, 'g1'), actor: 'alice' });
      const all = await store.audit.list({ cluster: 'c', limit: 10, offset: 0 });
      expect(all.total).toBe(4);
      expect(all.items.map((r) => r.at)).toEqual([4_000, 3_000, 2_000, 1_000]);
      expect((await store.audit.list({ cluster: 'c', group: 'g1', limit: 10, offset: 0 })).total).toBe(3);
      expect((await store.audit.list({ cluster: 'c', topic: 'U', limit: 10, offset: 0 })).items.map((r) => r.group)).toEqual(['g2']);
      expect((await store.audit.list({ cluster: 'c', actor: 'alice', limit: 10, offset: 0 })).total).toBe(1);
      expect((await store.audit.list({ cluster: 'c', from: 2_000, to: 3_000, limit: 10, offset: 0 })).items.map((r) => r.at)).toEqual([3_000, 2_000]);
      expect((await store.audit.list({ cluster: 'c', undoOf: a, limit: 10, offset: 0 })).items.map((r) => r.id)).toEqual([c]);
      const page = await store.audit.list({ cluster: 'c', limit: 2, offset: 2 });
      expect(page.items.map((r) => r.at)).toEqual([2_000, 1_000]);
      expect(page.total).toBe(4);
      expect((await store.audit.list({ cluster: 'other', limit: 10, offset: 0 })).total).toBe(0);
    });
  });
}
