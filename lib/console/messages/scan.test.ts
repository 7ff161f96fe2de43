import { describe, expect, it } from 'vitest';
import { RemotingConnectError, type RemotingCommand, type RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../../rocketmq/codes';
import { AdminClient } from '../admin';
import { readConfig } from '../config';
import { scanTopic, type ScanEvent } from './scan';

const MASTER = '10.0.0.1:10911';
const REPLICA = '10.0.0.2:10911';
const QUEUE_MESSAGES = 10;

function reply(code: number, extFields: Record<string, string | number> = {}, body?: Buffer): RemotingCommand {
  return { code, language: 'JAVA', version: 0, opaque: 0, flag: 1, extFields: Object.fromEntries(Object.entries(extFields).map(([k, v]) => [k, String(v)])), body, serializeType: 'JSON' };
}

/**
 * An admin client on a fake cluster: one brokerName with a master and a replica, two queues of 10 messages each
 * that no tag matches (the broker answers NO_MATCHED_MSG and skips to the end). `pull` decides how pulls behave.
 */
function fakeAdmin(options: { masterDown?: boolean; pull?: () => Promise<RemotingCommand> } = {}) {
  const admin = new AdminClient({ ...readConfig(), namesrvAddrs: ['10.0.0.9:9876'], requestTimeoutMs: 500 });
  const calls: Array<{ addr: string; code: number }> = [];
  admin.invoke = async (addr: string, request: RemotingRequest): Promise<RemotingCommand> => {
    calls.push({ addr, code: request.code });
    if (request.code === RequestCode.GET_ROUTEINFO_BY_TOPIC) {
      const route = { brokerDatas: [{ cluster: 'c', brokerName: 'broker-x', brokerAddrs: { 0: MASTER, 1: REPLICA } }], queueDatas: [{ brokerName: 'broker-x', readQueueNums: 2, writeQueueNums: 2, perm: 6, topicSysFlag: 0 }] };
      return reply(ResponseCode.SUCCESS, {}, Buffer.from(JSON.stringify(route)));
    }
    if (options.masterDown && addr === MASTER) throw new RemotingConnectError(addr, 'refused', 'connect ECONNREFUSED');
    switch (request.code) {
      case RequestCode.GET_MIN_OFFSET:
        return reply(ResponseCode.SUCCESS, { offset: 0 });
      case RequestCode.GET_MAX_OFFSET:
        return reply(ResponseCode.SUCCESS, { offset: QUEUE_MESSAGES });
      case RequestCode.SEARCH_OFFSET_BY_TIMESTAMP:
        return reply(ResponseCode.SUCCESS, { offset: Number(request.extFields!.timestamp) < 1000 ? 0 : QUEUE_MESSAGES });
      case RequestCode.PULL_MESSAGE:
        return options.pull ? options.pull() : reply(ResponseCode.PULL_RETRY_IMMEDIATELY, { nextBeginOffset: QUEUE_MESSAGES, minOffset: 0, maxOffset: QUEUE_MESSAGES, suggestWhichBrokerId: 0 });
      default:
        throw new Error(`unexpected request ${request.code}`);
    }
  };
  return { admin, calls };
}

async function events(gen: AsyncGenerator<ScanEvent>): Promise<ScanEvent[]> {
  const out: ScanEvent[] = [];
  for await (const e of gen) out.push(e);
  return out;
}

describe('scanTopic on a fake cluster', () => {
  it('counts the offsets a filtering broker skipped as scanned', async () => {
    const { admin } = fakeAdmin();
    const all = await events(scanTopic(admin, { topic: 'T', begin: 500, end: 2000, tag: 'Nope' }));
    expect(all.at(-1)).toMatchObject({ type: 'done', reason: 'complete', queuesDone: 2, queuesTotal: 2, scanned: 2 * QUEUE_MESSAGES, matched: 0 });
  });

  it('reads from the replica when the master refuses connections', async () => {
    const { admin, calls } = fakeAdmin({ masterDown: true });
    const all = await events(scanTopic(admin, { topic: 'T', begin: 500, end: 2000 }));
    expect(all.filter((e) => e.type === 'failure')).toEqual([]);
    expect(all.at(-1)).toMatchObject({ reason: 'complete', queuesDone: 2 });
    expect(calls.some((c) => c.addr === REPLICA && c.code === RequestCode.PULL_MESSAGE)).toBe(true);
    expect(calls.some((c) => c.addr === MASTER && c.code === RequestCode.PULL_MESSAGE)).toBe(false);
  });

  it('stops at the deadline with a cursor of the queues not finished', async () => {
    // pulls that never answer: only the scan's own deadline ends it
    const { admin } = fakeAdmin({ pull: () => new Promise<RemotingCommand>(() => undefined) });
    const started = Date.now();
    const all = await events(scanTopic(admin, { topic: 'T', begin: 500, end: 2000, deadlineMs: 1000 }));
    expect(Date.now() - started).toBeLessThan(3000);
    const done = all.at(-1);
    expect(done).toMatchObject({ type: 'done', reason: 'deadline', queuesDone: 0 });
    expect(done?.type === 'done' && done.cursor).toBeTruthy();
  });

  it('names a broker that fails, and keeps its queues in the cursor', async () => {
    const { admin } = fakeAdmin({ pull: () => Promise.resolve(reply(1, {})) });
    const all = await events(scanTopic(admin, { topic: 'T', begin: 500, end: 2000 }));
    expect(all.filter((e) => e.type === 'failure')).toEqual([expect.objectContaining({ brokerName: 'broker-x', addr: MASTER })]);
    const done = all.at(-1);
    expect(done).toMatchObject({ reason: 'complete', queuesDone: 0, queuesTotal: 2 });
    expect(done?.type === 'done' && done.cursor).toBeTruthy();
  });
});
