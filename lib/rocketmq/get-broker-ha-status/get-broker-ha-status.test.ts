import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { decodeBrokerHaStatus } from '.';

describe('GET_BROKER_HA_STATUS from 5.5.0', () => {
  it('decodes a master with its one slave, in sync, and how far behind it is', () => {
    const ha = decodeBrokerHaStatus(loadReply('get-broker-ha-status', '5.5.0', 'master'));
    if (ha.kind !== 'status') throw new Error(ha.reason);
    expect(ha).toMatchObject({ master: true, inSyncSlaveNums: 1 });
    expect(ha.masterCommitLogMaxOffset).toBeGreaterThan(0);
    expect(ha.slaves).toHaveLength(1);
    expect(ha.slaves[0]).toMatchObject({ inSync: true, addr: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });
    expect(ha.slaves[0]!.diff).toBe(ha.masterCommitLogMaxOffset - ha.slaves[0]!.slaveAckOffset);
    expect(ha.client).toBeUndefined();
  });

  it('decodes a slave: the master it replicates from and how far it has got', () => {
    const ha = decodeBrokerHaStatus(loadReply('get-broker-ha-status', '5.5.0', 'slave'));
    if (ha.kind !== 'status') throw new Error(ha.reason);
    expect(ha.master).toBe(false);
    expect(ha.slaves).toEqual([]);
    expect(ha.client!.masterAddr).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(ha.client!.maxOffset).toBeGreaterThan(0);
    expect(ha.client!.lastReadTimestamp).toBeGreaterThan(1_700_000_000_000);
  });
});

describe('GET_BROKER_HA_STATUS from 4.9.8', () => {
  it.each(['master', 'slave'])('a 4.9 %s does not know the request (code 3)', (name) => {
    expect(decodeBrokerHaStatus(loadReply('get-broker-ha-status', '4.9.8', name))).toEqual({ kind: 'unsupported', reason: 'the broker reports no HA status (4.x)' });
  });
});
