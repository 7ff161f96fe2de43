import { describe, expect, it } from 'vitest';
import { clusterList, clusterListMore } from '../../../test-support/mqadmin';
import { LIVE, withBrokerFrozen } from '../../../test-support/sandbox';
import { getBrokerRuntime } from '../brokers/runtime';
import { getClusterOverview } from './overview';
import { NotFoundError } from '../core/errors';
import { liveConsole } from '../../../test-support/live-console';

describe(`cluster overview live (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('shows what mqadmin clusterList and clusterList -m print', async () => {
    const overview = await getClusterOverview(ctx);
    const rows = overview.clusters.flatMap((c) => c.brokers);
    const [base, more] = await Promise.all([clusterList(), clusterListMore()]);
    expect(rows.map((b) => [b.clusterName, b.brokerName, b.brokerId, b.addr, b.version])).toEqual(
      base.map((r) => [r.cluster, r.brokerName, r.brokerId, r.addr, r.version]),
    );
    rows.forEach((b, i) => {
      expect(b.inTps).toBeCloseTo(base[i]!.inTps, 0);
      expect(b.outTps).toBeCloseTo(base[i]!.outTps, 0);
      expect([b.putYesterday, b.getYesterday, b.putToday, b.getToday], b.addr).toEqual([more[i]!.inYest, more[i]!.outYest, more[i]!.inToday, more[i]!.outToday]);
    });
    expect(rows.filter((b) => b.role === 'MASTER').map((b) => b.brokerName)).toEqual(['broker-a', 'broker-b']);
    expect(overview.failures).toEqual([]);
  });

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
    expect(rows.find((b) => b.addr === LIVE.brokerAMaster)?.version).toBeDefined();
  });

  it('reads one broker runtime table and refuses an address the namesrv does not list', async () => {
    const runtime = await getBrokerRuntime(ctx, { addr: LIVE.brokerASlave });
    expect(runtime.node).toMatchObject({ brokerName: 'broker-a', brokerId: 1 });
    expect(runtime.entries.brokerVersionDesc).toBeDefined();
    await expect(getBrokerRuntime(ctx, { addr: '10.255.255.1:10911' })).rejects.toBeInstanceOf(NotFoundError);
  });
});
