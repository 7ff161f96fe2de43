import { describe, expect, it } from 'vitest';
import { topicList, topicRoute, topicStatus } from '../../../test-support/mqadmin';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { BadInputError, NotFoundError } from '../core/errors';
import { getTopicRoute, getTopicStatus } from './detail';
import { queryMsgByOffset } from '../../../test-support/mqadmin-messages';
import { topicCatalog } from './catalog';
import { listTopics } from './list';
import { liveConsole } from '../../../test-support/live-console';

describe(`topics live (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole();

  it('lists the same set as mqadmin topicList when system topics are shown', async () => {
    await expect
      .poll(async () => {
        const theirs = await topicList();
        const page = await listTopics(ctx, { page: 1, pageSize: 500, hideSystem: false });
        return JSON.stringify(page.items.map((t) => t.topic).sort()) === JSON.stringify(theirs.sort()) && page.total === theirs.length;
      }, { timeout: 30_000, interval: 1000 })
      .toBe(true);
  });

  it('types topics from their name, config and orderConf', async () => {
    const byName = new Map((await topicCatalog(admin, 0)).items.map((t) => [t.topic, t.type]));
    expect(byName.get('LabTopic')).toBe('NORMAL');
    expect(byName.get('LabOrderTopic')).toBe('FIFO');
    expect(byName.get('%RETRY%lab_cg_cluster')).toBe('RETRY');
    for (const system of ['RMQ_SYS_TRACE_TOPIC', 'TBW102', 'SCHEDULE_TOPIC_XXXX', 'DefaultCluster', 'broker-a', 'DefaultCluster_REPLY_TOPIC']) {
      expect(byName.get(system), system).toBe('SYSTEM');
    }
  });

  it('searches, filters, sorts and pages on the server', async () => {
    const hidden = await listTopics(ctx, { page: 1, pageSize: 500, hideSystem: true });
    expect(hidden.items.some((t) => t.type === 'SYSTEM')).toBe(false);
    const search = await listTopics(ctx, { search: 'lab', page: 1, pageSize: 100, hideSystem: true });
    expect(search.items.map((t) => t.topic)).toEqual(expect.arrayContaining(['LabTopic', 'LabOrderTopic']));
    const retry = await listTopics(ctx, { type: 'RETRY', page: 1, pageSize: 500 });
    expect(retry.items.every((t) => t.topic.startsWith('%RETRY%'))).toBe(true);
    const desc = await listTopics(ctx, { sort: 'name', desc: true, page: 1, pageSize: 500, hideSystem: true });
    expect(desc.items.map((t) => t.topic)).toEqual([...hidden.items.map((t) => t.topic)].reverse());
    const p1 = await listTopics(ctx, { page: 1, pageSize: 2, hideSystem: true });
    const p2 = await listTopics(ctx, { page: 2, pageSize: 2, hideSystem: true });
    expect(p1.items.map((t) => t.topic)).toEqual(hidden.items.slice(0, 2).map((t) => t.topic));
    expect(p2.items.map((t) => t.topic)).toEqual(hidden.items.slice(2, 4).map((t) => t.topic));
    expect(p2.total).toBe(hidden.total);
    const lab = search.items.find((t) => t.topic === 'LabTopic')!;
    const status = await topicStatus('LabTopic');
    expect(lab.messages).toBe(status.reduce((n, r) => n + r.maxOffset - r.minOffset, 0));
  });

  it('shows route and status as mqadmin topicRoute and topicStatus do', async () => {
    const [route, status] = await Promise.all([getTopicRoute(ctx, { topic: 'LabTopic' }), getTopicStatus(ctx, { topic: 'LabTopic' })]);
    const theirRoute = await topicRoute('LabTopic');
    expect(theirRoute.queueDatas).toHaveLength(2);
    expect(route.queues.map((q) => [q.brokerName, q.readQueueNums, q.writeQueueNums, q.perm])).toEqual(
      theirRoute.queueDatas.map((q) => [q.brokerName, q.readQueueNums, q.writeQueueNums, q.perm]).sort(),
    );
    expect(route.brokers.find((b) => b.brokerName === 'broker-a')?.addrs).toEqual({ 0: LIVE.brokerAMaster, 1: LIVE.brokerASlave });
    expect(status.queues.map((q) => [q.brokerName, q.queueId, q.minOffset, q.maxOffset])).toEqual(
      (await topicStatus('LabTopic')).map((r) => [r.brokerName, r.queueId, r.minOffset, r.maxOffset]),
    );
    expect(status.failures).toEqual([]);
    // each queue's oldest stored message: mqadmin queryMsgByOffset at the queue's min offset
    const withMessages = status.queues.filter((q) => q.maxOffset > q.minOffset).slice(0, 3);
    expect(withMessages.length).toBeGreaterThan(0);
    for (const q of withMessages) {
      expect(q.earliestStoreTime, `${q.brokerName}/${q.queueId}`).toBe((await queryMsgByOffset('LabTopic', q.brokerName, q.queueId, q.minOffset)).storeTimestamp);
    }
    expect(status.totals.earliestStoreTime).toBe(Math.min(...status.queues.flatMap((q) => (q.earliestStoreTime ? [q.earliestStoreTime] : []))));
  });

  it('gives a partial status naming a broker that does not answer', async () => {
    const slow = liveConsole({ requestTimeoutMs: 1000, fanOutDeadlineMs: 1500 }).ctx;
    await getTopicRoute(slow, { topic: 'LabTopic' });
    const status = await withBrokerFrozen('broker-b-0', () => getTopicStatus(slow, { topic: 'LabTopic' }));
    expect(status.failures.map((f) => f.brokerName)).toEqual(['broker-b']);
    expect(new Set(status.queues.map((q) => q.brokerName))).toEqual(new Set(['broker-a']));
  });

  it('refuses bad and unknown topic names', async () => {
    await expect(getTopicStatus(ctx, { topic: 'bad topic!' })).rejects.toBeInstanceOf(BadInputError);
    await expect(getTopicStatus(ctx, { topic: 'NoSuchTopicAnywhere' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTopicRoute(ctx, { topic: 'x'.repeat(200) })).rejects.toThrow(/limit is 127/);
  });
});
