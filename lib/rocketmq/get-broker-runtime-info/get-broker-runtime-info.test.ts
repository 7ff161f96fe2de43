import { describe, expect, it } from 'vitest';
import { fixtureVersions, loadReply } from '../../../test-support/fixtures';
import { decodeBrokerRuntimeInfo, firstTps } from '.';

describe.each(fixtureVersions('get-broker-runtime-info', 'master'))('GET_BROKER_RUNTIME_INFO from %s', (version) => {
  it('decodes the master KVTable with the figures clusterList and brokerStatus read', () => {
    const kv = decodeBrokerRuntimeInfo(loadReply('get-broker-runtime-info', version, 'master'));
    expect(kv.brokerVersionDesc).toBe(`V${version.replaceAll('.', '_')}`);
    for (const key of ['putTps', 'commitLogMaxOffset', 'msgPutTotalTodayNow', 'msgGetTotalTodayNow', 'commitLogDiskRatio', 'bootTimestamp']) {
      expect(kv, key).toHaveProperty(key);
    }
    expect(Number(kv.commitLogMaxOffset)).toBeGreaterThan(0);
    expect(Number(kv.msgPutTotalTodayNow)).toBeGreaterThan(0);
    expect(Object.keys(kv).length).toBeGreaterThan(40);
  });

  it('decodes the slave, which replicates the master commit log', () => {
    const master = decodeBrokerRuntimeInfo(loadReply('get-broker-runtime-info', version, 'master'));
    const slave = decodeBrokerRuntimeInfo(loadReply('get-broker-runtime-info', version, 'slave'));
    expect(Number(slave.commitLogMaxOffset)).toBeGreaterThan(0);
    expect(Number(slave.commitLogMaxOffset)).toBeLessThanOrEqual(Number(master.commitLogMaxOffset));
  });
});

describe('firstTps', () => {
  it('reads the 10 s window and tolerates windows not yet filled', () => {
    expect(firstTps('1.50 0.90 0.20')).toBe(1.5);
    expect(firstTps('2.99 0.49 ')).toBe(2.99);
    expect(firstTps('')).toBe(0);
    expect(firstTps(undefined)).toBe(0);
  });
});
