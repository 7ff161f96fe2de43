import { describe, expect, it } from 'vitest';
import { brokerStatus, clusterList, clusterListMore } from '../../../test-support/mqadmin';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { getBrokerRuntime } from '../brokers/runtime';
import { getClusterOverview } from './overview';
import { NotFoundError } from '../core/errors';
import { liveConsole } from '../../../test-support/live-console';

describe(`cluster overview live (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('shows what mqadmin clusterList and clusterList -m print', async () => {
    // read before and after mqadmin (which takes seconds): TPS and today's counts move meanwhile when a client works.
    // A TPS is a sliding window's rate and can rise and fall again between two reads (a client that just caught up):
    // the whole comparison is read again, up to three times, until the window holds still
    for (let attempt = 1; ; attempt++) {
      try {
        await compareOnce();
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await new Promise((r) => setTimeout(r, 5000));
      }
    }
  });

  async function compareOnce() {
    const before = (await getClusterOverview(ctx)).clusters.flatMap((c) => c.brokers);
    const [base, more] = await Promise.all([clusterList(), clusterListMore()]);
    const overview = await getClusterOverview(ctx);
    const rows = overview.clusters.flatMap((c) => c.brokers);
    expect(base).toHaveLength(3);
    expect(more).toHaveLength(3);
    expect(rows.map((b) => [b.clusterName, b.brokerName, b.brokerId, b.addr, b.version])).toEqual(
      base.map((r) => [r.cluster, r.brokerName, r.brokerId, r.addr, r.version]),
    );
    expect(before.map((b) => b.addr)).toEqual(rows.map((b) => b.addr));
    const between = (theirs: number, a: number | undefined, b: number | undefined, slack: number, what: string) => {
      expect([a, b], what).toEqual([expect.any(Number), expect.any(Number)]);
      expect(theirs, what).toBeGreaterThanOrEqual(Math.min(a!, b!) - slack);
      expect(theirs, what).toBeLessThanOrEqual(Math.max(a!, b!) + slack);
    };
    rows.forEach((b, i) => {
      // mqadmin's reading lies between ours, give or take half a message a second
      between(base[i]!.inTps, before[i]!.inTps, b.inTps, 0.5, `${b.addr} inTps`);
      between(base[i]!.outTps, before[i]!.outTps, b.outTps, 0.5, `${b.addr} outTps`);
      expect([b.putYesterday, b.getYesterday], b.addr).toEqual([more[i]!.inYest, more[i]!.outYest]);
      between(more[i]!.inToday, before[i]!.putToday, b.putToday, 0, `${b.addr} putToday`);
      between(more[i]!.outToday, before[i]!.getToday, b.getToday, 0, `${b.addr} getToday`);
    });
    expect(rows.filter((b) => b.role === 'MASTER').map((b) => b.brokerName)).toEqual(['broker-a', 'broker-b']);
    expect(overview.failures).toEqual([]);
  }

  it('answers within the deadline with a partial overview naming a broker that does not answer', async () => {
    const slow = liveConsole({ requestTimeoutMs: 1000, fanOutDeadlineMs: 1500 }).ctx;
    await slow.admin.brokerNodes();
    const started = Date.now();
    const overview = await withBrokerFrozen('broker-b-0', () => getClusterOverview(slow));
    expect(Date.now() - started).toBeLessThan(4000);
    expect(overview.failures).toHaveLength(1);
    expect(overview.failures[0]).toMatchObject({ brokerName: 'broker-b', addr: LIVE.brokerBMaster });
    const rows = overview.clusters.flatMap((c) => c.brokers);
    expect(rows.find((b) => b.addr === LIVE.brokerBMaster)?.error).toMatch(/broker-b/);
    expect(rows.find((b) => b.addr === LIVE.brokerAMaster)?.version).toBe((await clusterList()).find((r) => r.addr === LIVE.brokerAMaster)?.version);
  });

  it('reads one broker runtime table and refuses an address the namesrv does not list', async () => {
    const runtime = await getBrokerRuntime(ctx, { addr: LIVE.brokerASlave });
    expect(runtime.node).toMatchObject({ brokerName: 'broker-a', brokerId: 1 });
    expect(runtime.entries.brokerVersionDesc).toBe((await brokerStatus(LIVE.brokerASlave)).brokerVersionDesc);
    expect(runtime.entries.brokerVersionDesc).toMatch(/^V\d+_\d+_\d+$/);
    await expect(getBrokerRuntime(ctx, { addr: '10.255.255.1:10911' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
