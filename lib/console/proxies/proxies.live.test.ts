import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queryMsgByUniqueKey } from '../../../test-support/mqadmin-messages';
import { findMessageById } from '../messages/lookup';
import { brokerConsumeStats, clusterList, topicStatus } from '../../../test-support/mqadmin';
import { getDeadLetters } from '../dlq/overview';
import { liveConsole } from '../../../test-support/live-console';
import { LIVE, testPort } from '../../../test-support/sandbox';
import { until } from '../../../test-support/wait';
import { getGroupConnections } from '../groups/connections';
import { getGroupProgress } from '../groups/progress';
import { listProxies } from './list';
import { ConnectionPool } from '../../remoting';
import { consumeMessageDirectly } from '../../rocketmq/consume-message-directly';
import { getConsumerConnectionList } from '../../rocketmq/get-consumer-connection-list';
import { sendMessage } from '../../rocketmq/send-message';
import { previewResend } from '../messages/resend';
import { applyReset } from '../reset/apply';
import { previewReset } from '../reset/preview';
import { previewUndo } from '../reset/undo';

// 5.x: sandbox/scripts/proxy.sh runs a rocketmq-proxy (remoting 8180 shifted) and the official gRPC clients through
// it, on LabGrpcTopic: lab_grpc_push (push consumer), lab_grpc_simple (simple consumer, POP, 2 popped messages never acknowledged)
const PROXY = `127.0.0.1:${testPort(8180)}`;
const noop = (..._args: unknown[]) => undefined;

(LIVE.isV5 ? describe : noop)(`proxies and gRPC clients (${LIVE.version})`, () => {
  const live = liveConsole({ proxyRemotingPort: testPort(8180), requestTimeoutMs: 5000 });
  const { ctx } = live;
  const sentIds = () => [...readFileSync(path.join(LIVE.dir, 'proxy', 'grpc-clients.out'), 'utf8').matchAll(/^sent (01[0-9A-F]{32})$/gm)].map((m) => m[1]!);

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
    const ids = sentIds();
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

  it('says plainly that a message cannot be resent to a gRPC client: the proxy does not take CONSUME_MESSAGE_DIRECTLY and the brokers do not know the client', async () => {
    const msgId = sentIds()[0]!;
    const refused = await previewResend(ctx, { msgId, topic: 'LabGrpcTopic', group: 'lab_grpc_push' }).then(() => undefined, (e: Error & { code?: string; status?: number }) => e);
    expect(refused).toMatchObject({ status: 409, code: 'clients_via_proxy' });
    expect(refused!.message).toContain(`through the proxy ${PROXY}`);
    // what the message says is what RocketMQ answers: asked directly, the proxy does not support the request, and the broker does not know the client
    const pool = new ConnectionPool();
    try {
      const client = (await getConsumerConnectionList(pool, PROXY, 'lab_grpc_push', 5000))!.connections[0]!;
      const stored = (await findMessageById(ctx.admin, msgId, 'LabGrpcTopic')).messages[0]!;
      const ask = (brokerAddr: string) => consumeMessageDirectly(pool, { consumerGroup: 'lab_grpc_push', clientId: client.clientId, offsetMsgId: stored.offsetMsgId, topic: 'LabGrpcTopic' }, { brokerAddr, timeoutMs: 10_000 }).then(() => undefined, (e: { code?: number; remark?: string }) => e);
      expect(await ask(PROXY)).toMatchObject({ code: 3 });
      expect(await ask(stored.storeHost)).toMatchObject({ remark: expect.stringContaining('not online') });
    } finally {
      pool.close();
    }
  });

  it('resets the POP group through the brokers (= mqadmin brokerConsumeStats), saying its popped, unacknowledged messages are not taken back; undo restores it', async () => {
    const group = 'lab_grpc_simple';
    const offsets = async () => new Map((await Promise.all([LIVE.brokerAMaster, LIVE.brokerBMaster].map((a) => brokerConsumeStats(a)))).flat().filter((r) => r.group === group && r.topic === 'LabGrpcTopic').map((r) => [`${r.brokerName}/${r.queueId}`, r.consumerOffset]));
    const before = await offsets();
    const preview = await previewReset(ctx, { group, topic: 'LabGrpcTopic', mode: 'latest' });
    expect(preview.online).toMatchObject({ clients: 0, viaProxy: { proxy: PROXY, clients: 1 } });
    expect(Object.values(preview.methods)).toEqual(['server-side', 'server-side']);
    expect(preview.warnings.join(' ')).toContain(`gRPC clients through the proxy ${PROXY}`);
    expect(preview.warnings.join(' ')).toContain('%RETRY%lab_grpc_simple_LabGrpcTopic');
    const change = live.as('test');
    const result = await applyReset(change, { group, previewId: preview.previewId, confirm: preview.requiresTypedConfirmation ? group : true });
    expect(result.status).toBe('completed');
    const after = await offsets();
    for (const q of preview.queues) expect(after.get(`${q.brokerName}/${q.queueId}`), `${q.brokerName}/${q.queueId}`).toBe(q.targetOffset);
    const undo = await previewUndo(ctx, { auditId: result.auditId });
    expect((await applyReset(change, { group, previewId: undo.previewId, confirm: undo.requiresTypedConfirmation ? group : true })).status).toBe('completed');
    const restored = await offsets();
    for (const [k, v] of before) expect(restored.get(k), k).toBe(v);
  });

  it('counts a gRPC group\'s pops and acknowledgements as the masters do: the messages its client consumed', async () => {
    const consumed = () => readFileSync(path.join(LIVE.dir, 'proxy', 'grpc-clients.out'), 'utf8').split('\n').filter((l) => l.startsWith('consumed ')).length;
    const before = consumed();
    for (let i = 0; i < 5; i++) {
      await sendMessage(ctx.admin, LIVE.brokerAMaster, { producerGroup: 'pop_rates_pg', topic: 'LabGrpcTopic', queueId: i % 4, brokerName: 'broker-a', body: Buffer.from(`pop rate ${i}`), properties: { UNIQ_KEY: `POPRATE${Date.now()}${i}` }, bornTimestamp: Date.now() }, 5000);
    }
    // the client's own count: its listener acknowledges each message it consumes
    await until('the push consumer consumed them', async () => (consumed() - before >= 5 ? true : undefined), 60_000);
    expect(consumed() - before).toBe(5);
    // the brokers sample every 10 s: the last minute then holds these 5 (and at most the client's first 10 of its start)
    const rate = await until('the masters counted the acknowledgements', async () => {
      const r = (await getGroupProgress(ctx, { group: 'lab_grpc_push' })).popRates?.find((x) => x.topic === 'LabGrpcTopic');
      return r?.acked && r.acked.lastMinute >= 5 ? r : undefined;
    }, 60_000);
    expect(rate.acked!.lastMinute).toBeLessThanOrEqual(15);
    expect(rate.popped!.lastMinute).toBeGreaterThanOrEqual(5);
  }, 150_000);

  it('shows the POP group\'s offsets as mqadmin brokerConsumeStats prints them (consumerProgress cannot find a POP group), the un-acknowledged messages back in its POP retry topic, in flight unknown', async () => {
    // the 2 messages popped and never acknowledged come back through %RETRY%lab_grpc_simple_LabGrpcTopic after their invisible time (60 s)
    const progress = await until('the revived messages', async () => {
      const p = await getGroupProgress(ctx, { group: 'lab_grpc_simple' });
      return p.queues.some((q) => q.topic === '%RETRY%lab_grpc_simple_LabGrpcTopic' && q.lag >= 2) ? p : undefined;
    }, 150_000);
    expect(progress.pop).toBe(true);
    expect(progress.totalInflight).toBeUndefined();
    // the group page's retries: the POP retry topic, as mqadmin topicStatus counts it (the plain %RETRY% topic has none)
    const retries = await getDeadLetters(ctx, { group: 'lab_grpc_simple' });
    const popRetry = '%RETRY%lab_grpc_simple_LabGrpcTopic';
    expect(retries.popRetry.map((t) => t.topic)).toEqual([popRetry]);
    expect(retries.popRetry[0]!.messages).toBe((await topicStatus(popRetry, LIVE, false)).reduce((n, r) => n + r.maxOffset - r.minOffset, 0));
    expect(retries.popRetry[0]!.messages).toBeGreaterThanOrEqual(2);
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
