import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply, SANDBOX } from '../../../test-support/fixtures';
import { decodeTopicRouteData, permText } from '.';

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

  it('answers code 17 for an unknown topic', () => {
    const reply = loadReply('get-route-info-by-topic', version, 'unknown');
    expect(reply.code).toBe(17);
    expect(reply.remark).toContain('NoSuchTopic');
  });
});

describe('permText', () => {
  it('prints perm bits as mqadmin does', () => {
    expect(permText(6)).toBe('RW-');
    expect(permText(4)).toBe('R--');
    expect(permText(7)).toBe('RWX');
  });
});
