import { describe, expect, it, vi } from 'vitest';
import { mqadminOutcome, consumerConnection, consumerProgress, consumerProgressAll, consumerStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { BadInputError, NotFoundError } from '../core/errors';
import { liveConsole } from '../../../test-support/live-console';
import { getGroupClients } from './clients';
import { getGroupConnections, type GroupConnections } from './connections';
import { startConsumer } from '../../../test-support/consumer';
import { labMasters } from '../../../test-support/reset';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import { getGroupOverview } from './overview';
import { getGroupProgress } from './progress';
import { pageGroups } from './list';
import { getTopicGroups } from '../topics/groups';

describe(`consumer groups live (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole();
  const service = ctx.lag;

  it('has, for every group mqadmin consumerProgress lists, the same lag, clients, model, version and (online) TPS', async () => {
    const [theirs, snapshot] = await Promise.all([consumerProgressAll(false), service.refresh()]);
    expect(theirs.length).toBeGreaterThanOrEqual(4);
    const ours = new Map(snapshot.groups.map((g) => [g.group, g]));
    for (const row of theirs) {
      const g = ours.get(row.group);
      if (!g) {
        // mqadmin lists groups by their %RETRY% topic, which outlives a group other suites deleted: such a group must
        // have no subscription config left on any broker (mqadmin getConsumerConfig prints nothing, and no exception)
        expect((await mqadminOutcome(['getConsumerConfig', '-g', row.group])).trim(), `${row.group}: listed by mqadmin, missing from ours`).toBe('');
        continue;
      }
      expect(g!.lag, `${row.group} lag`).toBe(row.diffTotal);
      expect(g!.clients, `${row.group} clients`).toBe(row.count);
      if (row.count > 0) {
        // TPS is the brokers' 1-minute rate, asked for online groups; an offline group consumes nothing now (0),
        // while mqadmin still shows the rate decaying for up to a minute after its clients left
        expect(Math.trunc(g!.consumeTps), `${row.group} tps`).toBe(row.tps);
        expect(g!.version).toBe(row.version);
        expect(g!.messageModel).toBe(row.model);
      }
    }
    expect(snapshot.failures).toEqual([]);
  });

  it('sorts and pages the snapshot by lag, lag age, clients and name without calling a broker', async () => {
    const snapshot = await service.latest();
    // other live tests add groups of their own: look at the demo groups' relative order
    const byLag = pageGroups(snapshot, { sort: 'lag', desc: true, page: 1, pageSize: 500, hideSystem: true }, false);
    const lags = byLag.items.map((g) => g.lag);
    expect(lags).toEqual([...lags].sort((a, b) => b - a));
    expect(byLag.items.map((g) => g.group).filter((g) => g.startsWith('lab_cg_')).slice(0, 2)).toEqual(['lab_cg_sql', 'lab_cg_cluster']);
    const byAge = pageGroups(snapshot, { sort: 'lagAge', desc: true, page: 1, pageSize: 2, hideSystem: true }, false);
    expect(byAge.items.every((g) => g.oldestUnconsumedTimestamp !== undefined)).toBe(true);
    const byClients = pageGroups(snapshot, { sort: 'clients', desc: true, page: 1, pageSize: 2, hideSystem: true }, false);
    expect(byClients.items.map((g) => g.group).sort()).toEqual(['lab_cg_broadcast', 'lab_cg_online']);
    const all = pageGroups(snapshot, { sort: 'name', desc: false, page: 1, pageSize: 500, hideSystem: false }, false);
    expect(all.items.some((g) => g.group === 'TOOLS_CONSUMER' && g.system)).toBe(true);
    const hidden = pageGroups(snapshot, { sort: 'name', desc: false, page: 1, pageSize: 500, hideSystem: true }, false);
    expect(hidden.items.some((g) => g.system)).toBe(false);
    // case-insensitive substring; other suites leave groups of their own (lab_cg_stuck…, live_cg_stacks_…), so the
    // expectation is every group of the snapshot whose name holds it, lab_cg_sql among them
    const searched = pageGroups(snapshot, { search: 'CG_S', sort: 'name', desc: false, page: 1, pageSize: 500 }, false);
    const holding = snapshot.groups.map((g) => g.group).filter((g) => g.toLowerCase().includes('cg_s')).sort();
    expect(holding).toContain('lab_cg_sql');
    expect(searched.items.map((g) => g.group)).toEqual(holding);
  });

  it('knows how old the oldest unconsumed message of a lagging group is', async () => {
    const snapshot = await service.latest();
    const lagging = snapshot.groups.find((g) => g.group === 'lab_cg_cluster')!;
    expect(lagging.lag).toBeGreaterThan(0);
    expect(lagging.oldestUnconsumedTimestamp).toBeLessThan(snapshot.asOf);
    for (const q of lagging.queues) {
      if (q.lag > 0) expect(q.oldestUnconsumedTimestamp, `${q.brokerName}/${q.queueId}`).toBeGreaterThan(q.lastTimestamp - 1);
      else expect(q.oldestUnconsumedTimestamp).toBeUndefined();
    }
    expect(snapshot.groups.find((g) => g.group === 'lab_cg_online')!.oldestUnconsumedTimestamp).toBeUndefined();
  });

  it.each(['lab_cg_cluster', 'lab_cg_sql', 'lab_cg_online'])('shows the progress of %s as mqadmin consumerProgress -g', async (group) => {
    const [theirs, ours] = await Promise.all([consumerProgress(group, undefined, false), getGroupProgress(ctx, { group })]);
    // mqadmin asks a random broker of the retry topic's route; a client's address (its port) differs per broker
    expect(ours.queues.map((q) => [q.topic, q.brokerName, q.queueId, q.brokerOffset, q.consumerOffset, q.lag])).toEqual(
      theirs.rows.map((r) => [r.topic, r.brokerName, r.queueId, r.brokerOffset, r.consumerOffset, r.diff]),
    );
    expect(ours.totalLag).toBe(theirs.diffTotal);
  });

  it('has the in-flight messages of each queue of an online group as mqadmin consumerProgress (5.x), unknown on 4.9', async () => {
    // the snapshot asks an online group's consume stats per topic; read again until both agree on a group at rest
    await vi.waitFor(async () => {
      const [theirs, snapshot] = await Promise.all([consumerProgress('lab_cg_online', undefined, false), service.refresh()]);
      const ours = snapshot.groups.find((g) => g.group === 'lab_cg_online')!;
      expect(theirs.rows.length).toBeGreaterThan(0);
      expect([...ours.queues].map((q) => [q.topic, q.brokerName, q.queueId, q.inflight])).toEqual(theirs.rows.map((r) => [r.topic, r.brokerName, r.queueId, r.inflight]));
      expect(ours.inflight).toBe(LIVE.version.startsWith('4.') ? undefined : theirs.rows.reduce((n, r) => n + r.inflight!, 0));
    }, { timeout: 60_000, interval: 1000 });
  });

  it.each(['lab_cg_online', 'lab_cg_broadcast'])('shows the clients and subscriptions of %s as mqadmin consumerConnection', async (group) => {
    const [theirs, ours] = await Promise.all([consumerConnection(group), getGroupConnections(ctx, { group })]);
    expect(ours.online).toBe(true);
    expect(ours.clients.map((c) => [c.clientId, c.clientAddr.split(':')[0], c.language, c.version])).toEqual(theirs.clients.map((c) => [c.clientId, c.clientAddr.split(':')[0], c.language, c.version]));
    expect(ours.subscriptions.map((s) => [s.topic, s.subString]).sort()).toEqual(theirs.subscriptions.map((s) => [s.topic, s.expression]).sort());
    expect([ours.consumeType, ours.messageModel, ours.consumeFromWhere]).toEqual([theirs.consumeType, theirs.messageModel, theirs.consumeFromWhere]);
  });

  it('shows a SQL92 subscription of an online group with its expression, as mqadmin consumerConnection', async () => {
    // a group and topic of its own, so the seeded groups' numbers stay put; an empty topic leaves nothing to consume
    const suffix = Date.now().toString(36);
    const [group, topic, expression] = [`live_cg_sql92_${suffix}`, `LiveSqlTopic_${suffix}`, "a > 5 AND color = 'red'"];
    for (const m of labMasters()) await updateAndCreateTopic(admin, m.addr, { topic, readQueueNums: 2, writeQueueNums: 2 });
    const consumer = startConsumer(['--group', group, '--topic', topic, '--filter', `sql:${expression}`]);
    try {
      let ours: GroupConnections | undefined;
      for (const until = Date.now() + 90_000; !ours?.online && Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
        ours = await getGroupConnections(ctx, { group }).catch((e: unknown) => (e instanceof NotFoundError ? undefined : Promise.reject(e)));
      }
      expect(ours?.online, `${group} online; the client printed:\n${consumer.output()}`).toBe(true);
      expect(ours!.subscriptions).toContainEqual({ topic, expressionType: 'SQL92', subString: expression });
      const theirs = await consumerConnection(group, false);
      expect(theirs.subscriptions).toContainEqual({ topic, expression });
      expect(ours!.subscriptions.map((s) => [s.topic, s.subString]).sort()).toEqual(theirs.subscriptions.map((s) => [s.topic, s.expression]).sort());
      expect(ours!.clients.map((c) => c.clientId)).toEqual(theirs.clients.map((c) => c.clientId));
    } finally {
      await consumer.stop();
    }
  }, 150_000);

  it('answers a broadcasting group with each client\'s own offsets (mqadmin consumerStatus), not an error', async () => {
    const progress = await getGroupProgress(ctx, { group: 'lab_cg_broadcast' });
    expect(progress.failures).toEqual([]);
    const { clients } = await getGroupClients(ctx, { group: 'lab_cg_broadcast' });
    expect(clients).toHaveLength(1);
    const client = clients[0]!;
    expect(client.messageModel).toBe('BROADCASTING');
    const theirs = await consumerStatus('lab_cg_broadcast', client.clientId);
    // the client's own offsets of LabTopic's 8 queues
    expect(theirs.offsets.filter((o) => o.topic === 'LabTopic')).toHaveLength(8);
    expect(client.queues.map((q) => [q.topic, q.brokerName, q.queueId, q.clientOffset])).toEqual(theirs.offsets.map((o) => [o.topic, o.brokerName, o.queueId, o.offset]));
    expect(client.queues.filter((q) => q.topic === 'LabTopic').every((q) => q.brokerOffset !== undefined && q.lag === 0)).toBe(true);
  });

  it('reads the retry and dead-letter topics of a group', async () => {
    const overview = await getGroupOverview(ctx, { group: 'lab_cg_cluster' });
    expect(overview.retry?.topic).toBe('%RETRY%lab_cg_cluster');
    expect(overview.dlq).toBeNull();
    expect(overview.configs.map((c) => c.brokerName)).toEqual(['broker-a', 'broker-b']);
  });

  it('lists the groups of a topic with their lag on it (mqadmin consumerProgress -g -t)', async () => {
    const { groups } = await getTopicGroups(ctx, { topic: 'LabTopic' });
    expect(groups.map((g) => g.group)).toEqual(expect.arrayContaining(['lab_cg_cluster', 'lab_cg_sql', 'lab_cg_online']));
    for (const group of ['lab_cg_cluster', 'lab_cg_sql']) {
      expect(groups.find((g) => g.group === group)!.lag, group).toBe((await consumerProgress(group, 'LabTopic')).diffTotal);
    }
    expect(groups.find((g) => g.group === 'lab_cg_broadcast')?.lag).toBeUndefined();
  });

  it('answers 404 for an unknown group and 400 for an illegal name', async () => {
    await expect(getGroupProgress(ctx, { group: 'no_such_group_live' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupConnections(ctx, { group: 'no_such_group_live' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupProgress(ctx, { group: 'bad group!' })).rejects.toBeInstanceOf(BadInputError);
  });
});
