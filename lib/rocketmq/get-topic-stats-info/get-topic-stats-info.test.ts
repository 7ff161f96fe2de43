import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../../remoting';
import { fixtureVersions, loadReply, replayInvoker, SANDBOX } from '../../../test-support/fixtures';
import { DEFAULT_TIMEOUT_MS } from '../invoke';
import { decodeTopicStatsTable, getTopicStatsInfo, getTopicStatsInfoRequest } from '.';

describe.each(fixtureVersions('get-topic-stats-info', 'LabTopic'))('GET_TOPIC_STATS_INFO from %s', (version) => {
  it('decodes the offset table keyed by MessageQueue object literals', () => {
    const reply = loadReply('get-topic-stats-info', version, 'LabTopic');
    expect(reply.body!.toString()).toMatch(/"offsetTable":\{\{"brokerName":"broker-a"/);
    const queues = decodeTopicStatsTable(reply);
    expect(queues.map((q) => [q.topic, q.brokerName, q.queueId])).toEqual([0, 1, 2, 3].map((id) => ['LabTopic', 'broker-a', id]));
    for (const q of queues) {
      expect(q.minOffset).toBe(0);
      expect(q.maxOffset).toBeGreaterThan(0);
      expect(q.lastUpdateTimestamp).toBeGreaterThan(1_700_000_000_000);
    }
  });

  it('asks the broker for the topic and fails with its code 17 for a topic it does not hold', async () => {
    const { invoker, calls } = replayInvoker(version, ['get-topic-stats-info', 'unknown']);
    const error = await getTopicStatsInfo(invoker, SANDBOX.brokerAMaster, 'NoSuchTopic').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ addr: SANDBOX.brokerAMaster, code: 17, remark: expect.stringContaining('NoSuchTopic') });
    expect(calls).toEqual([{ addr: SANDBOX.brokerAMaster, request: getTopicStatsInfoRequest('NoSuchTopic'), timeoutMs: DEFAULT_TIMEOUT_MS }]);
  });
});
