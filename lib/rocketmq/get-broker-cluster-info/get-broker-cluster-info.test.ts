import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply, SANDBOX } from '../../../test-support/fixtures';
import { decodeClusterInfo } from '.';

describe.each(fixtureVersions('get-broker-cluster-info', 'cluster'))('GET_BROKER_CLUSTER_INFO from %s', (version) => {
  const reply = loadReply('get-broker-cluster-info', version, 'cluster');

  it('is a success reply whose body uses fastjson integer keys', () => {
    expect(reply.code).toBe(0);
    expect(reply.body!.toString()).toMatch(/"brokerAddrs":\{0:"/);
  });

  it('decodes every broker group with its master and slave addresses', () => {
    const info = decodeClusterInfo(reply);
    expect([...info.clusters]).toEqual([['DefaultCluster', ['broker-a', 'broker-b']]]);
    expect([...info.brokers.get('broker-a')!.brokerAddrs]).toEqual([[0, SANDBOX.brokerAMaster], [1, SANDBOX.brokerASlave]]);
    expect([...info.brokers.get('broker-b')!.brokerAddrs]).toEqual([[0, SANDBOX.brokerBMaster]]);
    expect(info.brokers.get('broker-b')!.cluster).toBe('DefaultCluster');
  });
});
