import { describe, expect, it } from 'vitest';
import { orderConf } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { getKvListByNamespace } from '../get-kvlist-by-namespace';
import { livePool } from '../../../test-support/live';
import { getKvConfig, ORDER_TOPIC_CONFIG_NAMESPACE } from '.';

describe(`GET_KV_CONFIG and GET_KVLIST_BY_NAMESPACE live (${LIVE.version})`, () => {
  const pool = livePool();

  it('reads the orderConf that mqadmin updateOrderConf -m get prints', async () => {
    const expected = await orderConf('LabOrderTopic');
    expect(expected).toMatch(/broker-/);
    expect(await getKvConfig(pool, LIVE.namesrv, ORDER_TOPIC_CONFIG_NAMESPACE, 'LabOrderTopic')).toBe(expected);
    expect(await getKvListByNamespace(pool, LIVE.namesrv, ORDER_TOPIC_CONFIG_NAMESPACE)).toEqual({ LabOrderTopic: expected });
  });

  it('answers undefined for a topic without orderConf', async () => {
    expect(await getKvConfig(pool, LIVE.namesrv, ORDER_TOPIC_CONFIG_NAMESPACE, 'LabTopic')).toBeUndefined();
  });
});
