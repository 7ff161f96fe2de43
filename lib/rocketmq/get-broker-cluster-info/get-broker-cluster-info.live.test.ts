import { describe, expect, it } from 'vitest';
import { clusterList } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getBrokerClusterInfo } from '.';

describe(`GET_BROKER_CLUSTER_INFO live (${LIVE.version})`, () => {
  const pool = livePool();

  it('lists the same cluster, brokers, ids and addresses as mqadmin clusterList', async () => {
    const info = await getBrokerClusterInfo(pool, LIVE.namesrv);
    const ours = [...info.clusters].flatMap(([cluster, names]) =>
      names.flatMap((name) => [...info.brokers.get(name)!.brokerAddrs].map(([id, addr]) => ({ cluster, brokerName: name, brokerId: id, addr }))),
    );
    const theirs = (await clusterList()).map(({ cluster, brokerName, brokerId, addr }) => ({ cluster, brokerName, brokerId, addr }));
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(3);
  });
});
