import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeSubscriptionGroupTable } from '.';

describe.each(fixtureVersions('get-all-subscriptiongroup-config', 'broker-a'))('GET_ALL_SUBSCRIPTIONGROUP_CONFIG from %s', (version) => {
  it('decodes the demo groups and the broker\'s own system groups', () => {
    const table = decodeSubscriptionGroupTable(loadReply('get-all-subscriptiongroup-config', version, 'broker-a'));
    for (const g of ['lab_cg_cluster', 'lab_cg_sql', 'lab_cg_broadcast', 'lab_cg_online', 'TOOLS_CONSUMER']) expect(table.has(g), g).toBe(true);
    expect(table.get('lab_cg_cluster')).toMatchObject({ groupName: 'lab_cg_cluster', consumeEnable: true, consumeMessageOrderly: false, retryMaxTimes: 16, brokerId: 0 });
    if (version.startsWith('5')) expect(table.get('lab_cg_cluster')?.consumeTimeoutMinute).toBe(15);
    // 5.x writes every group's retry policy (the delay levels unless set); 4.9 has none
    if (version.startsWith('5')) expect(table.get('lab_cg_cluster')?.groupRetryPolicy).toEqual({ type: 'CUSTOMIZED' });
    else expect(table.get('lab_cg_cluster')?.groupRetryPolicy).toBeUndefined();
  });
});
