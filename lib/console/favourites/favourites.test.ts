import { afterEach, describe, expect, it } from 'vitest';
import type { RemotingCommand, RemotingRequest } from '../../remoting';
import type { ChangeContext } from '../context';
import { NotFoundError } from '../core/errors';
import { PackedQueues } from '../lag/packed-queues';
import type { GroupSnapshot, LagSnapshot, QueueLag } from '../lag/types';
import { openStore, type Store } from '../store';
import { listFavourites, star, unstar } from './favourites';
import { clearSearches, listSearches, recordSearch, RECENT_SEARCHES_KEPT } from './searches';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

const NOW = Date.now();
const queue = (topic: string, queueId: number, lag: number, oldest?: number): QueueLag => ({ topic, brokerName: 'broker-a', queueId, brokerOffset: 100, consumerOffset: 100 - lag, lag, lastTimestamp: 0, ...(oldest !== undefined ? { oldestUnconsumedTimestamp: oldest } : {}) });
const group = (name: string, queues: QueueLag[], extra: Partial<GroupSnapshot> = {}): GroupSnapshot => ({
  group: name,
  brokers: ['broker-a'],
  system: false,
  orderly: false,
  clients: 1,
  lag: queues.reduce((n, q) => n + q.lag, 0),
  consumeTps: 2.5,
  topics: [...new Set(queues.map((q) => q.topic))],
  ...(queues.some((q) => q.oldestUnconsumedTimestamp !== undefined) ? { oldestUnconsumedTimestamp: Math.min(...queues.flatMap((q) => q.oldestUnconsumedTimestamp ?? [])) } : {}),
  queues: PackedQueues.pack(queues),
  ...extra,
});

/** A cluster context over a real SQLite store and a fake snapshot; a %RETRY% route exists for `retryTopics` only. */
async function context(groups: GroupSnapshot[], user = 'ann', retryTopics: string[] = []) {
  const store = await openStore({ sqlitePath: ':memory:' });
  stores.push(store);
  const snapshot = { asOf: NOW - 1000, groups, failures: [], configs: new Map(groups.map((g) => [g.group, []])) } as unknown as LagSnapshot;
  const admin = {
    config: { requestTimeoutMs: 1000, fanOutDeadlineMs: 1000 },
    readableBrokers: async () => [],
    namesrv: <T>(fn: (addr: string) => Promise<T>) => fn('127.0.0.1:9876'),
    // GET_ROUTEINFO_BY_TOPIC: TOPIC_NOT_EXIST (17) unless the topic is one the test made exist
    invoke: async (_addr: string, request: RemotingRequest): Promise<Partial<RemotingCommand>> =>
      retryTopics.includes(request.extFields?.topic ?? '') ? { code: 0, extFields: {}, body: Buffer.from('{"brokerDatas":[],"queueDatas":[]}') } : { code: 17, extFields: {}, remark: 'No topic route info' },
  };
  const as = (who: string) => ({ name: 'c', admin, lag: { peek: () => snapshot }, alerts: { last: undefined }, store: async () => store, actor: { user: who, channel: 'ui' } }) as unknown as ChangeContext;
  return { ctx: as(user), as, store, snapshot };
}

describe('favourites', () => {
  it('stars a group that exists; the list shows its total lag, lag age from the snapshot, clients and firing alerts', async () => {
    const { ctx, store } = await context([group('g1', [queue('T', 0, 7, NOW - 61_000), queue('T', 1, 3, NOW - 5000)]), group('quiet', [queue('T', 2, 0)])]);
    await star(ctx, { kind: 'group', name: 'g1' });
    await star(ctx, { kind: 'group', name: 'quiet' });
    await store.alerts.putRule('c', { id: 'r1', name: 'lag over 5', kind: 'lag', threshold: 5, forMs: 0, severity: 'critical', enabled: true }, 'admin', NOW);
    await store.alerts.saveEvaluation('c', { upsert: [{ ruleId: 'r1', cluster: 'c', subject: 'g1', phase: 'firing', since: NOW, activeAt: NOW, firedAt: NOW, value: 10 }], remove: [], transitions: [] });

    const list = await listFavourites(ctx);
    expect(list.lagAsOf).toBe(NOW - 1000);
    const [g1, quiet] = list.groups;
    expect(g1).toMatchObject({ name: 'g1', status: 'found', lag: 10, lagAgeMs: 60_000, oldestUnconsumedTimestamp: NOW - 61_000, clients: 1, consumeTps: 2.5 });
    expect(g1!.alerts).toEqual([expect.objectContaining({ ruleId: 'r1', ruleName: 'lag over 5', severity: 'critical', subject: 'g1', phase: 'firing', value: 10, silenced: false })]);
    // no lag: no age, which is unknown, not 0
    expect(quiet).toMatchObject({ name: 'quiet', status: 'found', lag: 0, alerts: [] });
    expect(quiet!.lagAgeMs).toBeUndefined();
  });

  it('refuses to star a group or topic that does not exist, naming the field; starring twice keeps the first time', async () => {
    const { ctx } = await context([group('g1', [queue('T', 0, 1)])]);
    await expect(star(ctx, { kind: 'group', name: 'nope' })).rejects.toMatchObject({ status: 404, field: 'group' });
    await expect(star(ctx, { kind: 'topic', name: 'NoSuchTopic' })).rejects.toMatchObject({ status: 404, field: 'topic' });
    await expect(star(ctx, { kind: 'topic', name: 'bad/name' })).rejects.toMatchObject({ status: 400, field: 'topic' });
    const first = await star(ctx, { kind: 'group', name: 'g1' });
    expect(await star(ctx, { kind: 'group', name: 'g1' })).toEqual(first);
    expect((await listFavourites(ctx)).groups).toHaveLength(1);
  });

  it('a starred group deleted since shows as missing, one not in the snapshot yet as unknown; either can be unstarred', async () => {
    const { ctx, snapshot } = await context([group('gone', [queue('T', 0, 4)]), group('fresh', [queue('T', 1, 1)])], 'ann', ['%RETRY%fresh']);
    await star(ctx, { kind: 'group', name: 'gone' });
    await star(ctx, { kind: 'group', name: 'fresh' });
    Object.assign(snapshot, { groups: [], configs: new Map() });
    const [fresh, gone] = (await listFavourites(ctx)).groups.sort((a, b) => a.name.localeCompare(b.name));
    expect(gone).toMatchObject({ name: 'gone', status: 'missing' });
    expect(gone!.reason).toMatch(/deleted/);
    expect(gone!.lag).toBeUndefined();
    expect(fresh).toMatchObject({ name: 'fresh', status: 'unknown' });
    expect(fresh!.lag).toBeUndefined();
    expect(await unstar(ctx, { kind: 'group', name: 'gone' })).toEqual({ unstarred: { kind: 'group', name: 'gone' } });
    await expect(unstar(ctx, { kind: 'group', name: 'gone' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listFavourites(ctx)).groups.map((g) => g.name)).toEqual(['fresh']);
  });

  it('each user sees only their own stars (an API token acts as its user)', async () => {
    const { as } = await context([group('g1', [queue('T', 0, 1)])]);
    await star(as('ann'), { kind: 'group', name: 'g1' });
    expect((await listFavourites(as('ann'))).groups.map((g) => g.name)).toEqual(['g1']);
    expect((await listFavourites(as('bob'))).groups).toEqual([]);
  });
});

describe('recent searches', () => {
  it('keeps each distinct search once, newest first, whatever the order of its parameters; per user; cleared', async () => {
    const { as } = await context([]);
    const ann = as('ann');
    await recordSearch(ann, { kind: 'key', params: { topic: 'LabTopic', key: 'K1', window: 'all', limit: 1000 } });
    await recordSearch(ann, { kind: 'msgId', params: { msgId: '7F00000100002A9F0000000000000000' } });
    await new Promise((r) => setTimeout(r, 5));
    await recordSearch(ann, { kind: 'key', params: { limit: 1000, window: 'all', key: 'K1', topic: 'LabTopic' } });
    const { searches } = await listSearches(ann);
    expect(searches.map((s) => s.kind)).toEqual(['key', 'msgId']);
    expect(searches[0]).toMatchObject({ kind: 'key', params: { topic: 'LabTopic', key: 'K1', window: 'all', limit: 1000 } });
    expect((await listSearches(as('bob'))).searches).toEqual([]);
    expect(await clearSearches(ann)).toEqual({ cleared: 2 });
    expect((await listSearches(ann)).searches).toEqual([]);
  });

  it(`keeps the newest ${RECENT_SEARCHES_KEPT} per user and cluster`, async () => {
    const { ctx } = await context([]);
    for (let i = 0; i < RECENT_SEARCHES_KEPT + 5; i++) await recordSearch(ctx, { kind: 'trace', params: { key: `k${i}` } });
    const { searches } = await listSearches(ctx);
    expect(searches).toHaveLength(RECENT_SEARCHES_KEPT);
    expect(searches.map((s) => (s.params as { key: string }).key)).toContain(`k${RECENT_SEARCHES_KEPT + 4}`);
    expect(searches.map((s) => (s.params as { key: string }).key)).not.toContain('k0');
  });
});
