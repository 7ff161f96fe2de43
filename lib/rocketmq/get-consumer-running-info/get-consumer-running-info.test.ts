import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../../remoting';
import { fixtureVersions, loadReply, replayInvoker, SANDBOX } from '../../../test-support/fixtures';
import { decodeConsumerRunningInfo, getConsumerRunningInfo, getConsumerRunningInfoRequest } from '.';
import { parseJstack } from './jstack';

describe.each(fixtureVersions('get-consumer-running-info', 'broadcasting'))('GET_CONSUMER_RUNNING_INFO from %s', (version) => {
  it('decodes a broadcasting client: its own offsets per queue (object keys) and consume rates', () => {
    const info = decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'broadcasting'));
    expect(info.properties.PROP_CONSUMEORDERLY).toBe('false');
    expect(info.properties.messageModel).toBe('BROADCASTING');
    expect(info.properties.PROP_CLIENT_VERSION).toBe(`V${version.replaceAll('.', '_')}`);
    const lab = info.queues.filter((q) => q.topic === 'LabTopic');
    expect(lab).toHaveLength(8);
    expect(lab.every((q) => q.commitOffset > 0)).toBe(true);
    expect(info.status.map((s) => s.topic)).toContain('LabTopic');
    expect(info.subscriptions.map((s) => s.topic)).toContain('LabTopic');
  });

  it('decodes a clustering client', () => {
    const info = decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'clustering'));
    expect(info.properties.messageModel).toBe('CLUSTERING');
    expect(info.queues.some((q) => q.topic === '%RETRY%lab_cg_online')).toBe(true);
  });

  it('decodes an orderly client: every queue it holds is locked, with when the lock was last taken or renewed', () => {
    const info = decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'orderly'));
    expect(info.properties.PROP_CONSUMEORDERLY).toBe('true');
    const order = info.queues.filter((q) => q.topic === 'LabOrderTopic');
    expect(order).toHaveLength(8);
    expect(order.every((q) => q.locked && q.lastLockTimestamp > 1_700_000_000_000)).toBe(true);
    expect(order.map((q) => q.commitOffset).reduce((a, b) => a + b, 0)).toBe(24); // r1 and r2 each send 12 ordered messages
  });

  it('a concurrent client reports every queue as locked too (the client marks each new queue so), so a lock means something only for an orderly client', () => {
    const info = decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'broadcasting'));
    expect(info.properties.PROP_CONSUMEORDERLY).toBe('false');
    expect(info.queues.filter((q) => q.topic === 'LabTopic').every((q) => q.locked)).toBe(true);
  });

  it('asks the broker to relay to the client, and fails with code 1 naming the client when it is not online', async () => {
    const { invoker, calls } = replayInvoker(version, ['get-consumer-running-info', 'gone-client']);
    const error = await getConsumerRunningInfo(invoker, SANDBOX.brokerAMaster, 'lab_cg_online', '127.0.0.9@gone', { timeoutMs: 7000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ addr: SANDBOX.brokerAMaster, code: 1, remark: expect.stringMatching(/127\.0\.0\.9@gone.*not online|not online.*127\.0\.0\.9@gone/) });
    expect(calls).toEqual([{ addr: SANDBOX.brokerAMaster, request: getConsumerRunningInfoRequest('lab_cg_online', '127.0.0.9@gone'), timeoutMs: 7000 }]);
  });
});

describe.each(fixtureVersions('get-consumer-running-info', 'jstack'))('GET_CONSUMER_RUNNING_INFO with jstackEnable from %s', (version) => {
  const info = decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'jstack'));

  it('carries the client thread dump, one header per thread, each thread with its frames', () => {
    const text = info.jstack!;
    const threads = parseJstack(text);
    expect(threads.length).toBe(text.split('\n').filter((l) => /TID: \d+ STATE: [A-Z_]+\s*$/.test(l)).length);
    expect(threads.length).toBeGreaterThan(20);
    for (const t of threads) {
      expect(t.name).not.toMatch(/^\s|\s$/);
      expect(t.frames.length).toBeGreaterThan(0);
      // each frame line starts with the thread's name: none may be left in the frame
      for (const f of t.frames) expect(f.startsWith(t.name)).toBe(false);
    }
    // names longer than the 40 columns the dump pads to are kept whole
    const long = threads.filter((t) => t.name.length > 40);
    expect(long.length).toBeGreaterThan(0);
    expect(long.every((t) => /^[\w$.@/]+\(/.test(t.frames[0]!) || t.frames[0]!.includes('/'))).toBe(true);
    // Consumer.java runs 20 consume threads for lab_cg_online
    expect(threads.filter((t) => t.name.startsWith('ConsumeMessageThread_lab_cg_online_')).map((t) => t.name).sort()).toHaveLength(20);
    expect(Number(info.properties.consumeThreadMax)).toBe(20);
  });

  it('is absent when not asked for', () => {
    expect(decodeConsumerRunningInfo(loadReply('get-consumer-running-info', version, 'clustering')).jstack).toBeUndefined();
  });
});
