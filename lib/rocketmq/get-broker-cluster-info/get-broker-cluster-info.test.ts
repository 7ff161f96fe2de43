import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply, replayInvoker, SANDBOX } from '../../../test-support/fixtures';
import { decodeClusterInfo, getBrokerClusterInfo, getBrokerClusterInfoRequest } from '.';

describe.each(fixtureVersions('get-broker-cluster-info', 'cluster'))('GET_BROKER_CLUSTER_INFO from %s', (version) => {
  const reply = loadReply('get-broker-cluster-info', version, 'cluster');

  it('asks the namesrv and decodes its reply, whose body uses fastjson integer keys', async () => {
    expect(reply.body!.toString()).toMatch(/"brokerAddrs":\{0:"/);
    const { invoker, calls } = replayInvoker(version, ['get-broker-cluster-info', 'cluster']);
    const info = await getBrokerClusterInfo(invoker, SANDBOX.namesrv, 2000);
    expect(calls).toEqual([{ addr: SANDBOX.namesrv, request: getBrokerClusterInfoRequest(), timeoutMs: 2000 }]);
    expect([...info.brokers.keys()].sort()).toEqual(['broker-a', 'broker-b']);
    expect(info).toEqual(decodeClusterInfo(reply));
  });

  it('decodes every broker group with its master and slave addresses', () => {
    const info = decodeClusterInfo(reply);
    expect([...info.clusters]).toEqual([['DefaultCluster', ['broker-a', 'broker-b']]]);
    expect([...info.brokers.get('broker-a')!.brokerAddrs]).toEqual([[0, SANDBOX.brokerAMaster], [1, SANDBOX.brokerASlave]]);
    expect([...info.brokers.get('broker-b')!.brokerAddrs]).toEqual([[0, SANDBOX.brokerBMaster]]);
    expect(info.brokers.get('broker-b')!.cluster).toBe('DefaultCluster');
  });
});
