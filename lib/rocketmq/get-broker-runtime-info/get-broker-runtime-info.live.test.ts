import { describe, expect, it } from 'vitest';
import { brokerStatus } from '../../../test-support/mqadmin';
import { LIVE } from '../../../test-support/sandbox';
import { livePool } from '../../../test-support/live';
import { getBrokerRuntimeInfo } from '.';

// Counters that move on their own (time, TPS windows, latencies) are compared by key only.
const MOVING = /Tps|Time|Latency|runtime|Mills|Timestamp|Distribute|Capacity|Ratio|timer|Size|Total|Offset|Buffer|earliest|Flush|Numbs/i;

describe(`GET_BROKER_RUNTIME_INFO live (${LIVE.version})`, () => {
  const pool = livePool();

  it.each([LIVE.brokerAMaster, LIVE.brokerASlave, LIVE.brokerBMaster])('answers what mqadmin brokerStatus prints for %s', async (addr) => {
    const theirs = await brokerStatus(addr, false);
    const ours = await getBrokerRuntimeInfo(pool, addr);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    for (const [key, value] of Object.entries(theirs)) {
      if (!MOVING.test(key)) expect(ours[key], key).toBe(value);
    }
    expect(ours.brokerVersionDesc).toBe(`V${LIVE.version.replaceAll('.', '_')}`);
  });
});
