import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryMsgByUniqueKey } from '../../../test-support/mqadmin-messages';
import { findMessageById } from '../messages/lookup';
import { brokerConsumeStats, clusterList } from '../../../test-support/mqadmin';
import { liveConsole } from '../../../test-support/live-console';
import { LIVE, testPort } from '../../../test-support/sandbox';
import { until } from '../../../test-support/wait';
import { getGroupConnections } from '../groups/connections';
import { getGroupProgress } from '../groups/progress';
import { listProxies } from './list';

// 5.x: sandbox/scripts/proxy.sh runs a rocketmq-proxy (remoting 8180 shifted) and the official gRPC clients through
// it, on LabGrpcTopic: lab_grpc_push (push consumer), lab_grpc_simple (simple consumer, POP, 2 popped messages never acknowledged)
const PROXY = `127.0.0.1:${testPort(8180)}`;
const noop = (..._args: unknown[]) => undefined;

(LIVE.isV5 ? describe : noop)(`proxies and gRPC clients (${LIVE.version})`, () => {
  const { ctx } = liveConsole({ proxyRemotingPort: testPort(8180), requestTimeoutMs: 5000 });

  it('finds the proxy through the brokers (its heartbeat-syncer client), with its version, answering on its remoting port', async () => {
    const [list, brokers] = await Promise.all([listProxies(ctx), clusterList()]);
    expect(list.failures).toEqual([]);
    expect(list.proxies).toEqual([{ addr: PROXY, source: 'discovered', version: brokers[0]!.version, reachable: true }]);
  });

  it.each([
    ['lab_grpc_push', 'CONSUME_PASSIVELY', 'gRPC push consumer'],
    ['lab_grpc_simple', 'CONSUME_ACTIVELY', 'gRPC simple consumer (POP)'],
  ])('shows the gRPC clients of %s through the proxy, where the brokers list none', async (group, consumeType, kind) => {
    const c = await getGroupConnections(ctx, { group });
    expect(c).toMatchObject({ online: true, viaProxy: PROXY, consumeType, messageModel: 'CLUSTERING' });
    expect(c.clients).toHaveLength(1);
    expect(c.clients[0]).toMatchObject({ language: 'JAVA', kind, via: PROXY, clientAddr: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(c.subscriptions).toEqual([{ topic: 'LabGrpcTopic', expressionType: 'TAG', subString: '*' }]);
  });

  it('opens a message the gRPC producer sent through the proxy by its 5.x message id, as mqadmin queryMsgByUniqueKey reads it', async () => {
    const ids = [...readFileSync(path.join(LIVE.dir, 'proxy', 'grpc-clients.out'), 'utf8').matchAll(/^sent (01[0-9A-F]{32})$/gm)].map((m) => m[1]!);
    expect(ids).toHaveLength(10);
    for (const id of [ids[0]!, ids[9]!]) {
      const [ours, theirs] = await Promise.all([findMessageById(ctx.admin, id, 'LabGrpcTopic'), queryMsgByUniqueKey(id, 'LabGrpcTopic')]);
      expect(ours.kind).toBe('unique-key');
      expect(ours.messages).toHaveLength(1);
      const m = ours.messages[0]!;
      expect([m.topic, m.queueId, m.queueOffset, m.storeTimestamp, m.tags, m.keys.join(' ')]).toEqual([theirs.topic, theirs.queueId, theirs.queueOffset, theirs.storeTimestamp, theirs.tags, theirs.keys]);
      expect(m.keys[0]).toMatch(/^G-\d$/);
    }
  });

  it('shows the POP group\'s offsets as mqadmin brokerConsumeStats prints them (consumerProgress cannot find a POP group), the un-acknowledged messages back in its POP retry topic, in flight unknown', async () => {
    // the 2 messages popped and never acknowledged come back through %RETRY%lab_grpc_simple_LabGrpcTopic after their invisible time (60 s)
    const progress = await until('the revived messages', async () => {
      const p = await getGroupProgress(ctx, { group: 'lab_grpc_simple' });
      return p.queues.some((q) => q.topic === '%RETRY%lab_grpc_simple_LabGrpcTopic' && q.lag >= 2) ? p : undefined;
    }, 150_000);
    expect(progress.pop).toBe(true);
    expect(progress.totalInflight).toBeUndefined();
    // brokerConsumeStats lists the queues where the group has committed an offset; ours also those it has not (0)
    let listed = 0;
    for (const [addr, brokerName] of [[LIVE.brokerAMaster, 'broker-a'], [LIVE.brokerBMaster, 'broker-b']] as const) {
      const theirs = (await brokerConsumeStats(addr)).filter((r) => r.group === 'lab_grpc_simple');
      const ours = (await getGroupProgress(ctx, { group: 'lab_grpc_simple' })).queues.filter((q) => q.brokerName === brokerName);
      listed += theirs.length;
      for (const r of theirs) {
        expect(ours.find((q) => q.topic === r.topic && q.queueId === r.queueId), `${brokerName} ${r.topic} ${r.queueId}`).toMatchObject({ brokerOffset: r.brokerOffset, consumerOffset: r.consumerOffset, lag: r.diff });
      }
      for (const q of ours.filter((o) => !theirs.some((r) => r.topic === o.topic && r.queueId === o.queueId))) expect(q.consumerOffset, `${brokerName} ${q.topic} ${q.queueId}`).toBe(0);
    }
    expect(listed).toBeGreaterThan(0);
  }, 200_000);
});

(LIVE.isV5 ? noop : describe)(`proxies (${LIVE.version})`, () => {
  const { ctx } = liveConsole();
  it('has none on 4.x, and says why the list is empty', async () => {
    const list = await listProxies(ctx);
    expect(list.proxies).toEqual([]);
    expect(list.notes.join(' ')).toContain('no proxy');
  });
});
