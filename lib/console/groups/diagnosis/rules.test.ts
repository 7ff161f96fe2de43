import { describe, expect, it } from 'vitest';
import type { ConsumerRunningInfo } from '../../../rocketmq/get-consumer-running-info';
import { diagnose, snapshotVerdict, verdictOf, type ClientFacts, type Evidence, type GroupFacts, type RuleOutcome } from './rules';

const NOW = 1_800_000_000_000;

function info(over: Partial<ConsumerRunningInfo> = {}): ConsumerRunningInfo {
  return { properties: { consumeThreadMax: '20' }, subscriptions: [{ topic: 'T', expressionType: 'TAG', subString: '*', tagsSet: [] }], queues: [queue(0)], status: [status()], ...over };
}

function queue(queueId: number, over: Partial<ConsumerRunningInfo['queues'][number]> = {}): ConsumerRunningInfo['queues'][number] {
  return { topic: 'T', brokerName: 'broker-a', queueId, commitOffset: 0, cachedMsgCount: 0, cachedMsgMinOffset: 0, cachedMsgMaxOffset: 0, locked: false, lastLockTimestamp: 0, tryUnlockTimes: 0, droped: false, lastPullTimestamp: 0, lastConsumeTimestamp: 0, ...over };
}

function status(over: Partial<ConsumerRunningInfo['status'][number]> = {}): ConsumerRunningInfo['status'][number] {
  return { topic: 'T', pullRT: 1, pullTPS: 1, consumeRT: 2, consumeOKTPS: 1, consumeFailedTPS: 0, consumeFailedMsgs: 0, ...over };
}

function client(clientId: string, over: Partial<ClientFacts> = {}): ClientFacts {
  return { clientId, info: info(), consumeThreads: { total: 20, busy: 0 }, ...over };
}

function facts(over: Partial<GroupFacts> = {}): GroupFacts {
  return {
    group: 'g',
    lag: 0,
    drain: { consumeRate: 1, produceRate: 1, trend: 'steady' },
    messageModel: 'CLUSTERING',
    clients: [client('c1')],
    queueCount: 4,
    configs: [{ brokerName: 'broker-a', consumeEnable: true }],
    stalled: [],
    stuckAfterMs: 60_000,
    routes: [{ topic: 'T', brokerName: 'broker-a', perm: 6 }],
    replicas: [{ brokerName: 'broker-a', masterDown: false, slaves: [{ brokerId: 1, behindBytes: 0, behindMs: 0 }] }],
    now: NOW,
    ...over,
  };
}

/** The English the API answers (the catalog keys beside it are checked in the zh-CN/en catalog test). */
const english = (evidence: Evidence[]) => evidence.map(({ label, value, subject }) => ({ label, value, ...(subject !== undefined ? { subject } : {}) }));
const reasons = (unknown: RuleOutcome['unknown']) => unknown.map(({ kind, reason }) => ({ kind, reason }));
const kinds = (f: GroupFacts) => diagnose(f).causes.map((c) => c.kind);

describe('group diagnosis rules', () => {
  it('finds nothing in a healthy group', () => {
    expect(diagnose(facts())).toEqual({ causes: [], unknown: [] });
    expect(verdictOf(diagnose(facts()))).toBe('ok');
  });

  it('names a group without clients: critical with lag, info without, and cannot tell when no master answered', () => {
    expect(diagnose(facts({ clients: [], lag: 12 })).causes[0]).toMatchObject({ kind: 'no-client', severity: 'critical', title: 'No client is online: 12 messages wait' });
    expect(diagnose(facts({ clients: [], lag: 0 })).causes[0]).toMatchObject({ kind: 'no-client', severity: 'info' });
    const unknown = diagnose(facts({ clients: undefined, lag: 12 }));
    expect(unknown.causes).toEqual([]);
    expect(reasons(unknown.unknown)).toEqual([{ kind: 'no-client', reason: expect.stringContaining('no master answered') }]);
    expect(verdictOf(unknown)).toBe('unknown');
  });

  it('never reads an unknown lag as 0', () => {
    const d = diagnose(facts({ clients: [], lag: undefined }));
    expect(d.causes).toEqual([]);
    expect(d.unknown[0]).toMatchObject({ kind: 'no-client', reason: expect.stringContaining('snapshot') });
  });

  it('names brokers where consumption is disabled', () => {
    const d = diagnose(facts({ configs: [{ brokerName: 'broker-a', consumeEnable: true }, { brokerName: 'broker-b', consumeEnable: false }] }));
    expect(d.causes[0]).toMatchObject({ kind: 'consume-disabled', title: expect.stringContaining('broker-b'), link: 'config' });
  });

  it('names failing clients with their figures and the retry and DLQ counts', () => {
    const failing = client('c2', { info: info({ status: [status({ consumeFailedTPS: 0.5, consumeFailedMsgs: 1200 })] }) });
    const d = diagnose(facts({ clients: [client('c1'), failing], retryMessages: 40, dlqMessages: 3 }));
    const cause = d.causes.find((c) => c.kind === 'consume-failures')!;
    expect(cause).toMatchObject({ severity: 'critical', clients: ['c2'], title: 'Clients fail to consume: 1,200 messages failed in the last hour' });
    expect(english(cause.evidence)).toEqual([
      { label: 'failed in the last hour', value: '1,200', subject: 'c2' },
      { label: 'failed TPS', value: '0.50/s', subject: 'c2' },
      { label: 'messages in %RETRY%', value: '40' },
      { label: 'messages in %DLQ%', value: '3' },
    ]);
    const fresh = client('c3', { info: info({ status: [status({ consumeFailedTPS: 2 })] }) });
    expect(diagnose(facts({ clients: [fresh] })).causes[0]!.title).toBe('Clients fail to consume: 2.00/s failing');
  });

  it('says it could not look at failures when no client answered', () => {
    const d = diagnose(facts({ clients: [{ clientId: 'c1', error: 'timeout' }] }));
    expect(reasons(d.unknown)).toEqual(expect.arrayContaining([{ kind: 'consume-failures', reason: 'no client answered: c1: timeout' }]));
  });

  it('names slow consumption when the lag grows while clients consume, with their consume RT', () => {
    const slow = client('c1', { info: info({ status: [status({ consumeRT: 4000, consumeOKTPS: 0.25 })] }) });
    const d = diagnose(facts({ lag: 50, clients: [slow], drain: { consumeRate: 0.25, produceRate: 3, trend: 'growing' } }));
    expect(d.causes.find((c) => c.kind === 'slow-consumption')).toMatchObject({
      title: 'Consumption is slower than arrival: 0.25/s consumed while 3.00/s arrive',
      evidence: expect.arrayContaining([expect.objectContaining({ label: 'consume RT (T)', value: '4000 ms per message', subject: 'c1' })]),
    });
    expect(kinds(facts({ lag: 50, drain: { consumeRate: 5, produceRate: 1, trend: 'draining' } }))).not.toContain('slow-consumption');
    expect(reasons(diagnose(facts({ lag: 50, drain: undefined })).unknown)).toEqual([{ kind: 'slow-consumption', reason: 'the arrival rate needs two lag snapshots' }]);
  });

  it('names a full consume pool with the messages the client has cached', () => {
    const full = client('c1', { consumeThreads: { total: 1, busy: 1 }, info: info({ properties: { consumeThreadMax: '1' }, queues: [queue(0, { cachedMsgCount: 30 }), queue(1, { cachedMsgCount: 2 })] }) });
    const cause = diagnose(facts({ lag: 32, clients: [full] })).causes.find((c) => c.kind === 'pool-saturated')!;
    expect(cause).toMatchObject({ severity: 'critical', clients: ['c1'] });
    expect(english(cause.evidence)).toEqual([
      { label: 'busy consume threads', value: '1 of 1 (consumeThreadMax 1)', subject: 'c1' },
      { label: 'messages cached in the client', value: '32', subject: 'c1' },
    ]);
    expect(reasons(diagnose(facts({ clients: [client('c1', { consumeThreads: undefined })] })).unknown)).toEqual([{ kind: 'pool-saturated', reason: 'no client sent a thread dump' }]);
  });

  it('names orderly queues stalled past the threshold with the client holding the lock', () => {
    const stalled = [
      { topic: 'T', brokerName: 'broker-a', queueId: 1, lag: 7, stalledSince: NOW - 90_000, lockedBy: ['c1'] },
      { topic: 'T', brokerName: 'broker-a', queueId: 2, lag: 3, stalledSince: NOW - 10_000, lockedBy: ['c1'] },
    ];
    const cause = diagnose(facts({ lag: 10, stalled })).causes.find((c) => c.kind === 'orderly-stuck')!;
    expect(cause.title).toBe('1 orderly queue stuck: lag with the consumer offset still');
    expect(english(cause.evidence)).toEqual([{ label: 'T broker-a/1', value: 'lag 7, still for 90 s, locked by c1', subject: 'c1' }]);
  });

  it('names clients that hold no queue, but not in a broadcasting group', () => {
    const idle = client('c2', { info: info({ queues: [queue(0, { topic: '%RETRY%g' })] }) });
    const cause = diagnose(facts({ clients: [client('c1'), idle], queueCount: 1 })).causes.find((c) => c.kind === 'idle-clients')!;
    expect(cause).toMatchObject({ clients: ['c2'], title: '1 client holds no queue: 2 clients for 1 queue' });
    expect(kinds(facts({ clients: [client('c1'), idle], messageModel: 'BROADCASTING' }))).not.toContain('idle-clients');
  });

  it('names clients whose subscriptions differ, their own retry subscription aside', () => {
    const a = client('a', { info: info({ subscriptions: [{ topic: 'T', expressionType: 'TAG', subString: 'TagA', tagsSet: ['TagA'] }, { topic: '%RETRY%g', expressionType: 'TAG', subString: '*', tagsSet: [] }] }) });
    const b = client('b', { info: info({ subscriptions: [{ topic: 'T', expressionType: 'SQL92', subString: 'a > 1', tagsSet: [] }, { topic: 'U', expressionType: 'TAG', subString: '*', tagsSet: [] }] }) });
    const cause = diagnose(facts({ clients: [a, b] })).causes.find((c) => c.kind === 'subscription-mismatch')!;
    expect(cause.title).toContain('T, U');
    expect(english(cause.evidence)).toEqual([
      { label: 'T', value: 'TagA', subject: 'a' },
      { label: 'T', value: 'SQL92 a > 1', subject: 'b' },
      { label: 'U', value: '(not subscribed)', subject: 'a' },
      { label: 'U', value: '*', subject: 'b' },
    ]);
    expect(kinds(facts({ clients: [client('a'), client('b')] }))).not.toContain('subscription-mismatch');
  });

  it('names a broker producers cannot write to', () => {
    const d = diagnose(facts({ routes: [{ topic: 'T', brokerName: 'broker-a', perm: 6 }, { topic: 'T', brokerName: 'broker-b', perm: 4 }] }));
    expect(d.causes[0]).toMatchObject({ kind: 'broker-not-writable', evidence: [expect.objectContaining({ label: 'T perm', value: '4 (no write bit)', subject: 'broker-b' })] });
  });

  it('puts critical causes first and takes the worst as the verdict', () => {
    const idle = client('c2', { info: info({ queues: [] }) });
    const d = diagnose(facts({ clients: [client('c1'), idle], configs: [{ brokerName: 'broker-a', consumeEnable: false }] }));
    expect(d.causes.map((c) => c.severity)).toEqual(['critical', 'info']);
    expect(verdictOf(d)).toBe('consume-disabled');
  });

  it('gives the list a verdict from the snapshot alone, unknown when a broker failed and nothing was found', () => {
    const growing = { consumeRate: 1, produceRate: 5, trend: 'growing' as const };
    expect(snapshotVerdict({ lag: 5, clients: 0 }, [true])).toBe('no-client');
    expect(snapshotVerdict({ lag: 0, clients: 0 }, [true])).toBe('ok');
    expect(snapshotVerdict({ lag: 5, clients: 1, drain: growing }, [true])).toBe('slow-consumption');
    expect(snapshotVerdict({ lag: 5, clients: 0 }, [true, false])).toBe('consume-disabled');
    expect(snapshotVerdict({ lag: 0, clients: 1, failures: [{}] }, [true])).toBe('unknown');
    expect(snapshotVerdict({ lag: 5, clients: 0, failures: [{}] }, [])).toBe('no-client');
  });

  it('names a slave behind its master by time or bytes, a master that is down as critical, and says when the HA figures could not be read', () => {
    expect(kinds(facts())).not.toContain('replica-behind');
    const late = diagnose(facts({ replicas: [{ brokerName: 'broker-a', masterDown: false, slaves: [{ brokerId: 1, behindBytes: 2 * 1024 * 1024, behindMs: 15_000 }] }] })).causes.find((c) => c.kind === 'replica-behind')!;
    expect(late).toMatchObject({ severity: 'warning', link: 'ha', title: '1 slave behind its master: pulls the master sends to it get messages late' });
    expect(english(late.evidence)).toEqual([{ label: 'broker-a slave 1 behind', value: '2.0 MiB, oldest missing message 15 s old', subject: 'broker-a/1' }]);
    expect(kinds(facts({ replicas: [{ brokerName: 'broker-a', masterDown: false, slaves: [{ brokerId: 1, behindBytes: 1024, behindMs: 9_000 }] }] }))).not.toContain('replica-behind');
    expect(kinds(facts({ replicas: [{ brokerName: 'broker-a', masterDown: false, slaves: [{ brokerId: 1, behindBytes: 100 * 1024 * 1024 }] }] }))).toContain('replica-behind');
    const down = diagnose(facts({ replicas: [{ brokerName: 'broker-a', masterDown: true, slaves: [{ brokerId: 1 }] }] })).causes.find((c) => c.kind === 'replica-behind')!;
    expect(down.severity).toBe('critical');
    expect(down.title).toContain('No master for broker-a');
    expect(reasons(diagnose(facts({ replicas: undefined })).unknown)).toContainEqual({ kind: 'replica-behind', reason: "the HA figures of the group's brokers could not be read" });
    expect(reasons(diagnose(facts({ replicas: [{ brokerName: 'broker-a', masterDown: false, slaves: [{ brokerId: 1, error: 'broker-a (127.0.0.1:10921) did not answer' }] }] })).unknown)).toContainEqual({ kind: 'replica-behind', reason: 'broker-a slave 1: broker-a (127.0.0.1:10921) did not answer' });
  });
});
