import { describe, expect, it } from 'vitest';
import { RemotingResponseError } from '../../remoting';
import { fixtureVersions, loadReply, replayInvoker, SANDBOX } from '../../../test-support/fixtures';
import { DEFAULT_TIMEOUT_MS } from '../invoke';
import { decodeTopicRouteData, getRouteInfoByTopic, getRouteInfoByTopicRequest, permText } from '.';

describe.each(fixtureVersions('get-route-info-by-topic', 'LabTopic'))('GET_ROUTEINFO_BY_TOPIC from %s', (version) => {
  it('decodes brokers and queues of LabTopic (standard JSON at version 479)', () => {
    const route = decodeTopicRouteData(loadReply('get-route-info-by-topic', version, 'LabTopic'));
    expect(route.brokerDatas.map((b) => [b.brokerName, [...b.brokerAddrs]])).toEqual([
      ['broker-a', [[0, SANDBOX.brokerAMaster], [1, SANDBOX.brokerASlave]]],
      ['broker-b', [[0, SANDBOX.brokerBMaster]]],
    ]);
    expect(route.queueDatas).toEqual([
      { brokerName: 'broker-a', readQueueNums: 4, writeQueueNums: 4, perm: 6, topicSysFlag: 0 },
      { brokerName: 'broker-b', readQueueNums: 4, writeQueueNums: 4, perm: 6, topicSysFlag: 0 },
    ]);
  });

  it('decodes the same route from the unquoted-integer-key form an old client version gets', () => {
    const legacy = loadReply('get-route-info-by-topic', version, 'legacy-keys');
    expect(() => JSON.parse(legacy.body!.toString())).toThrow();
    const standard = decodeTopicRouteData(loadReply('get-route-info-by-topic', version, 'LabTopic'));
    expect(decodeTopicRouteData(legacy)).toEqual(standard);
  });

  it('asks the namesrv for the topic and fails with its code 17 for an unknown topic', async () => {
    const { invoker, calls } = replayInvoker(version, ['get-route-info-by-topic', 'unknown']);
    const error = await getRouteInfoByTopic(invoker, SANDBOX.namesrv, 'NoSuchTopic').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemotingResponseError);
    expect(error).toMatchObject({ addr: SANDBOX.namesrv, code: 17, remark: expect.stringContaining('NoSuchTopic') });
    expect(calls).toEqual([{ addr: SANDBOX.namesrv, request: getRouteInfoByTopicRequest('NoSuchTopic'), timeoutMs: DEFAULT_TIMEOUT_MS }]);
  });
});

describe('permText', () => {
  it('prints perm bits as mqadmin does', () => {
    expect(permText(6)).toBe('RW-');
    expect(permText(4)).toBe('R--');
    expect(permText(7)).toBe('RWX');
  });
});
