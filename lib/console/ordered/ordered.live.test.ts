import { afterAll, describe, expect, it } from 'vitest';
import { getConsumerConnectionList } from '../../rocketmq/get-consumer-connection-list';
import { consumerConnection, consumerProgress, consumerStatus, namesrvConfig, orderConf } from '../../../test-support/mqadmin';
import { startConsumer, type RunningConsumer } from '../../../test-support/consumer';
import { produce } from '../../../test-support/producer';
import { LIVE } from '../../../test-support/sandbox';
import { until } from '../../../test-support/wait';
import { liveConsole } from '../../../test-support/live-console';
import { getOrderedOverview, type OrderedGroup } from './overview';

const TOPIC = 'LabOrderTopic';

/** mqadmin prints lastLockTimestamp as yyyyMMddHHmmssSSS in the JVM's zone (UTC here). */
function humanMillis(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(text);
  if (!m) throw new Error(`not a yyyyMMddHHmmssSSS time: ${text}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
}

// online-consumers.sh keeps lab_cg_orderly (orderly) on LabOrderTopic, created by traffic.sh with updateTopic -o true
describe(`ordered messages (${LIVE.version})`, () => {
  const { ctx } = liveConsole({ stuckAfterMs: 1000 });
  const group = (overview: Awaited<ReturnType<typeof getOrderedOverview>>, name: string): OrderedGroup | undefined =>
    overview.topics.find((t) => t.topic === TOPIC)?.groups.find((g) => g.group === name);

  it('shows the order config of mqadmin updateOrderConf -m get and the namesrv\'s orderMessageEnable of getNamesrvConfig', async () => {
    const [overview, theirConf, theirConfig] = await Promise.all([getOrderedOverview(ctx), orderConf(TOPIC), namesrvConfig()]);
    const topic = overview.topics.find((t) => t.topic === TOPIC)!;
    expect(topic.orderConf).toBe(theirConf);
    expect(theirConf).toMatch(/broker-[ab]:4;broker-[ab]:4/);
    expect(topic.orderFlag).toBe(true);
    expect(overview.topics.map((t) => t.topic)).not.toContain('LabTopic');
    // the brokers flag an orderly group's retry topic as ordered too: not shown as a topic of its own
    expect(overview.topics.filter((t) => t.topic.startsWith('%'))).toEqual([]);
    expect(overview.namesrvs).toEqual([{ addr: LIVE.namesrv, orderMessageEnable: theirConfig.orderMessageEnable === 'true' }]);
    expect(theirConfig.orderMessageEnable).toBe('true'); // start-cluster.sh turns it on
  });

  it('shows lab_cg_orderly as orderly with the client mqadmin consumerStatus names holding every queue lock', async () => {
    const conn = await consumerConnection('lab_cg_orderly', false);
    expect(conn.clients).toHaveLength(1);
    const clientId = conn.clients[0]!.clientId;
    const [overview, status] = await Promise.all([getOrderedOverview(ctx), consumerStatus('lab_cg_orderly', clientId)]);
    expect(status.properties.PROP_CONSUMEORDERLY).toBe('true');
    const g = group(overview, 'lab_cg_orderly')!;
    expect(g).toMatchObject({ orderly: true, clients: 1 });
    if (LIVE.version.startsWith('4.')) expect(g.configOrderly).toBeUndefined();
    else expect(typeof g.configOrderly).toBe('boolean');
    const theirs = status.details.filter((d) => d.topic === TOPIC);
    expect(theirs).toHaveLength(8);
    expect(g.queues).toHaveLength(8);
    for (const q of g.queues) {
      const d = theirs.find((t) => t.brokerName === q.brokerName && t.queueId === q.queueId)!;
      expect(d.info.locked, `${q.brokerName}/${q.queueId}`).toBe('true');
      expect(q.lockedBy).toEqual([clientId]);
      // renewed every 20 s: ours was read within moments of mqadmin's
      expect(Math.abs(q.lockRenewedAt! - humanMillis(d.info.lastLockTimestamp!))).toBeLessThanOrEqual(25_000);
      expect(q.stuck).toBe(false);
    }
  });

  it('a concurrent group on an ordered topic is shown as not keeping the order', async () => {
    const consumer = startConsumer(['--group', 'lab_cg_order_concurrent', '--topic', TOPIC]);
    try {
      await until('lab_cg_order_concurrent to commit offsets', async () => (await consumerProgress('lab_cg_order_concurrent', TOPIC, false).catch(() => undefined))?.rows.some((r) => r.consumerOffset > 0) || undefined);
      await ctx.lag.refresh();
      const g = group(await getOrderedOverview(ctx), 'lab_cg_order_concurrent')!;
      expect(g.orderly).toBe(false);
      expect(g.queues.every((q) => q.lockedBy.length === 0)).toBe(true);
    } finally {
      await consumer.stop();
    }
  });

  describe('a stuck queue', () => {
    const run = `stuck${Date.now().toString(36)}`;
    const name = `lab_cg_${run}`;
    let consumer: RunningConsumer | undefined;
    afterAll(async () => consumer?.stop());

    it('is the queue whose consumer offset mqadmin consumerProgress shows still while its lag grows, and only that one', async () => {
      consumer = startConsumer(['--group', name, '--topic', TOPIC, '--orderly', 'true', '--suspend-keys', `O-${run}`]);
      // it first catches up on what the topic holds, committing offsets
      await until(`${name} to catch up`, async () => {
        const p = await consumerProgress(name, TOPIC, false).catch(() => undefined);
        return p && p.rows.length === 8 && p.rows.every((r) => r.brokerOffset === r.consumerOffset) ? p : undefined;
      });
      // then its listener suspends every message of this run: their queues stop
      const sent = await produce(['--only-ordered', '6', '--run', run, '--order-topic', TOPIC]);
      const stuckQueues = [...new Set(sent.map((m) => `${m.brokerName}/${m.queueId}`))].sort();
      expect(stuckQueues.length).toBeGreaterThanOrEqual(1);
      await until('the brokers to count the new messages', async () => {
        const p = await consumerProgress(name, TOPIC, false);
        return p.rows.reduce((n, r) => n + r.brokerOffset - r.consumerOffset, 0) === 6 ? p : undefined;
      });
      await ctx.lag.refresh();
      await new Promise((r) => setTimeout(r, 1500));
      await ctx.lag.refresh();
      const [overview, theirs] = await Promise.all([getOrderedOverview(ctx), consumerProgress(name, TOPIC, false)]);
      const g = group(overview, name)!;
      expect(g.orderly).toBe(true);
      const ours = g.queues.filter((q) => q.stuck).map((q) => `${q.brokerName}/${q.queueId}`).sort();
      expect(ours).toEqual(stuckQueues);
      for (const q of g.queues) {
        const r = theirs.rows.find((t) => t.brokerName === q.brokerName && t.queueId === q.queueId)!;
        expect([q.consumerOffset, q.brokerOffset], `${q.brokerName}/${q.queueId}`).toEqual([r.consumerOffset, r.brokerOffset]);
        if (q.stuck) {
          expect(q.lag).toBe(sent.filter((m) => m.brokerName === q.brokerName && m.queueId === q.queueId).length);
          expect(q.stalledSince).toBeLessThan(Date.now() - 1000);
          expect(q.lockedBy).toHaveLength(1);
        }
      }
      // the same clients the broker lists hold the locks
      const online = await getConsumerConnectionList(ctx.admin, LIVE.brokerAMaster, name);
      expect(new Set(g.queues.flatMap((q) => q.lockedBy))).toEqual(new Set(online!.connections.map((c) => c.clientId)));
    });
  });
});
