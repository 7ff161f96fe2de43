import { describe, expect, it } from 'vitest';
import { startConsumer, type RunningConsumer } from '../../../test-support/consumer';
import { consumerConnection, consumerStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { labMasters } from '../../../test-support/reset';
import { updateAndCreateTopic } from '../../rocketmq/update-and-create-topic';
import type { ClusterContext } from '../context';
import type { LagSnapshot } from '../lag/types';
import { readGroupSample } from '../rebalance/read';
import { RebalanceSampler } from '../rebalance/sampler';
import { getRebalanceHistory } from './rebalances';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const name = (q: { topic: string; brokerName: string; queueId: number }) => `${q.brokerName}/${q.queueId}`;

describe(`rebalance history live (${LIVE.version})`, () => {
  const { ctx, admin } = liveConsole({ requestTimeoutMs: 5000 });

  /** Waits until the group's clients are `clients` and, read as the sampler reads them, hold the topic's 8 queues between them once each. */
  async function settled(group: string, topic: string, clients: number, waitMs = 90_000): Promise<Map<string, string[]>> {
    let last = '';
    for (const until = Date.now() + waitMs; Date.now() < until; await sleep(1000)) {
      const s = await readGroupSample(ctx, group);
      last = JSON.stringify({ clients: s?.clients, held: [...(s?.held.keys() ?? [])] });
      if (!s || s.clients.length !== clients || s.held.size !== clients) continue;
      const byClient = new Map([...s.held].map(([c, qs]) => [c, qs.filter((q) => q.topic === topic).map(name).sort()]));
      const all = [...byClient.values()].flat();
      last = JSON.stringify([...byClient]);
      if (all.length === 8 && new Set(all).size === 8 && [...byClient.values()].every((qs) => qs.length > 0)) return byClient;
    }
    throw new Error(`${group} did not settle on ${clients} clients holding 8 queues: ${last}`);
  }

  it('records the second client joining and the queues it took, then it leaving and its queues going back, as mqadmin consumerStatus tells them', { timeout: 420_000 }, async () => {
    const suffix = Date.now().toString(36);
    const [group, topic] = [`live_cg_rebalance_${suffix}`, `LiveRebalanceTopic_${suffix}`];
    for (const m of labMasters()) await updateAndCreateTopic(admin, m.addr, { topic, readQueueNums: 4, writeQueueNums: 4 });
    // the sampler reads the groups of the lag snapshot with online clients: here, this group only
    const snapshot = { asOf: Date.now(), groups: [{ group, clients: 1, system: false }] } as unknown as LagSnapshot;
    const sampler = new RebalanceSampler({ ...ctx, lag: { peek: () => snapshot } as unknown as ClusterContext['lag'] }, { intervalMs: 60_000, maxGroups: 10, concurrency: 1, retentionMs: 86_400_000, compactEveryMs: 3_600_000 });
    const consumers: RunningConsumer[] = [];
    try {
      const start = (instance: string) => consumers.push(startConsumer(['--group', group, '--topic', topic, '--instance', `${instance}_${suffix}`, '--threads', '2']));
      start('first');
      const alone = await settled(group, topic, 1);
      const [first] = [...alone.keys()];
      expect(await sampler.round()).toEqual({ groups: 1, events: 0 }); // the baseline

      start('second');
      const both = await settled(group, topic, 2);
      const second = [...both.keys()].find((c) => c !== first)!;
      expect((await consumerConnection(group, false)).clients.map((c) => c.clientId).sort()).toEqual([first, second].sort());
      // the queues the second client took, as mqadmin reads its running info
      const taken = (await consumerStatus(group, second)).offsets.filter((o) => o.topic === topic).map(name).sort();
      expect(taken).toEqual(both.get(second));
      await sampler.round();

      let history = await getRebalanceHistory(ctx, { group, range: '1h' });
      expect(history.rebalances).toHaveLength(1);
      const joinedAt = history.rebalances[0]!;
      expect(joinedAt.joined).toEqual([second]);
      expect(joinedAt.left).toEqual([]);
      expect(joinedAt.sinceT).not.toBeNull();
      const movedToSecond = joinedAt.moved.filter((m) => m.topic === topic);
      expect(movedToSecond.map(name).sort()).toEqual(taken);
      expect(movedToSecond.every((m) => m.from === first && m.to === second)).toBe(true);

      // SIGTERM: the client unregisters, the survivor takes every queue back
      await consumers.pop()!.stop();
      // a client that had to be killed (no unregister) stays listed until the broker's 120 s channel expiry
      const survivor = await settled(group, topic, 1, 150_000);
      expect([...survivor.keys()]).toEqual([first]);
      expect((await consumerStatus(group, first!)).offsets.filter((o) => o.topic === topic)).toHaveLength(8);
      await sampler.round();

      history = await getRebalanceHistory(ctx, { group, range: '1h' });
      expect(history.rebalances).toHaveLength(2);
      const leftAt = history.rebalances[1]!;
      expect(leftAt.joined).toEqual([]);
      expect(leftAt.left).toEqual([second]);
      const movedBack = leftAt.moved.filter((m) => m.topic === topic);
      expect(movedBack.map(name).sort()).toEqual(taken);
      expect(movedBack.every((m) => m.from === second && m.to === first)).toBe(true);
    } finally {
      for (const c of consumers) await c.stop();
    }
  });
});
